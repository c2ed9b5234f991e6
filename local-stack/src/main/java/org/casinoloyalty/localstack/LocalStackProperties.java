package org.casinoloyalty.localstack;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the stand-in keeps its data and which ports it takes. The defaults are the ports of the
 * Docker stack (Kafka 19092, SQL 4566), so clients cannot tell the two modes apart.
 *
 * @param dataDirectory broker logs and database files; kept across restarts
 */
@Validated
@ConfigurationProperties("casino.local-stack")
public record LocalStackProperties(@NotNull Path dataDirectory, @Valid @NotNull Network network, @Valid @NotNull Kafka kafka,
		@Valid @NotNull Sql sql, @Valid @NotNull Ingest ingest, @Valid @NotNull Outbox outbox,
		@Valid @NotNull Retention retention) {

	/**
	 * @param bind where Kafka and PostgreSQL listen ({@code CASINO_BIND}); loopback keeps them to this machine
	 * @param advertisedHost the name Kafka gives other machines' clients ({@code CASINO_ADVERTISED_HOST});
	 *        blank for the bind address, or this machine's name when the bind address is a wildcard
	 */
	public record Network(@NotBlank String bind, String advertisedHost) {
	}

	/**
	 * @param port client listener; 0 takes a free port (tests)
	 * @param controllerPort KRaft controller listener; 0 takes a free port (tests)
	 * @param deadLetterTopic where records that cannot be parsed go, with the reason in a header (through the outbox)
	 * @param sinkTopics the topics the outbox feeds (design §8), made with {@code partitions} partitions
	 */
	public record Kafka(@PositiveOrZero int port, @PositiveOrZero int controllerPort,
			@NotBlank String topic, @Positive int partitions, @NotBlank String deadLetterTopic,
			@NotEmpty List<@NotBlank String> sinkTopics) {
	}

	/**
	 * @param port PostgreSQL port; 0 takes a free port (tests)
	 * @param password what clients from other machines must give ({@code CASINO_SQL_PASSWORD}); this
	 *        machine's clients need none. Required when {@link Network#bind()} opens the port.
	 */
	public record Sql(@PositiveOrZero int port, @NotBlank String database, @NotBlank String username, String password) {
	}

	/**
	 * @param maxPollRecords upper bound of one batch (one database transaction)
	 * @param pollTimeout how long one poll waits for records
	 * @param retryBackoff pause before a batch whose database write failed is read again
	 * @param idlePartitionTimeout how long a partition must have had nothing to read before its
	 *        watermark follows the others' (RisingWave: 5 checkpoints of 1 s)
	 * @param partitionCheckInterval how often the topic is looked at for partitions added while running
	 * @param maxFutureSkew how far ahead of this machine's clock an event may be stamped; later ones
	 *        go to the dead-letter topic (D21)
	 * @param lateAlertWindow over how long late drops are weighed against counted records for health's DEGRADED
	 */
	public record Ingest(@Positive int maxPollRecords, @NotNull Duration pollTimeout, @NotNull Duration retryBackoff,
			@NotNull Duration idlePartitionTimeout, @NotNull Duration partitionCheckInterval,
			@NotNull Duration maxFutureSkew, @NotNull Duration lateAlertWindow) {
	}

	/**
	 * @param pollInterval how often the relay looks for new records while the outbox is empty
	 * @param batchSize most records relayed in one round
	 * @param retryBackoff pause after a round the broker or the database failed, before the same records go again
	 * @param maxAttempts how many times a record the broker refuses for itself (too large) is tried before it
	 *        is parked (kept in the outbox, counted in health, skipped)
	 */
	public record Outbox(@NotNull Duration pollInterval, @Positive int batchSize, @NotNull Duration retryBackoff,
			@Positive int maxAttempts) {
	}

	/**
	 * How long raw events stay in {@code gaming_transactions} (docs/decisions.md D23). Aggregates, offers,
	 * redemptions, the outbox and dead letters are kept whatever this says: nothing of them reads raw rows.
	 *
	 * @param rawEvents raw events older than the stream watermark minus this are deleted; the topic
	 *        {@code gaming-transactions} of the embedded broker keeps its records as long ({@code retention.ms})
	 * @param interval how often old raw events are looked for
	 * @param batchSize most rows one delete (one short transaction) removes; a run deletes batch after batch
	 *        until nothing is older than the cutoff
	 */
	public record Retention(
			@NotNull @DurationMin(seconds = 1, message = "must be at least 1s, for example 7d (environment variable CASINO_RAW_EVENT_RETENTION)") Duration rawEvents,
			@NotNull @DurationMin(millis = 1, message = "must be positive, for example 1m") Duration interval,
			@Positive int batchSize) {
	}

}
