package org.casinoloyalty.generator.schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * The schema initialiser of Docker mode (the original's generator entrypoint did this job): it
 * creates the topic and applies the RisingWave script. Local mode leaves it off: local-stack owns
 * its topic and its schema there.
 *
 * @param enabled wait for broker and SQL engine, make sure the topic exists, apply the script
 * @param jdbcUrl the streaming SQL engine (RisingWave speaks the PostgreSQL protocol)
 * @param username user on the SQL engine
 * @param password password on the SQL engine; RisingWave's root has none
 * @param engineBroker the broker address as the SQL engine sees it, written over the script's {@code 'redpanda:9092'}
 * @param sinkTopics the topics the script's sinks write (design §8), created with the events' partition count
 * @param script the statements to apply, separated by {@code ;} as Spring's ScriptUtils reads them ({@link SchemaScript})
 * @param maxAttempts how often to try the broker and the SQL engine before giving up
 * @param retryInterval the wait between two attempts
 * @param rawEventRetention how long the events' topic keeps its records ({@code retention.ms}), set when the topic
 *        is made and on a topic made with another one; the raw events of Docker mode (RisingWave's source stores
 *        none), the same default as local mode's table (docs/decisions.md D23)
 */
@Validated
@ConfigurationProperties("casino.schema")
public record SchemaProperties(
		boolean enabled,
		@NotBlank @DefaultValue("jdbc:postgresql://risingwave:4566/dev") String jdbcUrl,
		@NotBlank @DefaultValue("root") String username,
		@DefaultValue("") String password,
		@NotBlank @DefaultValue("redpanda:9092") String engineBroker,
		@NotNull @DefaultValue({ "loyalty-offers", "loyalty-redemptions" }) List<@NotBlank String> sinkTopics,
		@NotNull @DefaultValue("classpath:schema/setup_risingwave.sql") Resource script,
		@Positive @DefaultValue("60") int maxAttempts,
		@NotNull @DefaultValue("2s") Duration retryInterval,
		@NotNull @DurationMin(seconds = 1, message = "must be at least 1s, for example 7d (environment variable CASINO_RAW_EVENT_RETENTION)") @DefaultValue("7d") Duration rawEventRetention) {
}
