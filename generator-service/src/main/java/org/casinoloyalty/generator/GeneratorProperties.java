package org.casinoloyalty.generator;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the generator publishes: where, how fast, and whether it starts by itself.
 *
 * @param topic topic the play events go to (design §2)
 * @param partitions partitions the topic is created with
 * @param replicationFactor copies of each partition the topics are created with: 1 on the one broker of the default
 *        stacks, 3 on the cluster profile's three brokers (docs/scaling.md)
 * @param defaultRate events per second at start-up and for {@code POST /start} without a rate
 * @param maxRate the highest rate the API accepts, in events per second
 * @param autoStart start publishing as soon as the application is ready, as the original did
 * @param heartbeatInterval the longest a partition of the topic goes without a record (design §4): the
 *        watermark of every partition then trails the clock by at most 10 s plus this, and so does
 *        the closing of a window
 */
@Validated
@ConfigurationProperties("casino.generator")
public record GeneratorProperties(
		@NotBlank String topic,
		@Positive int partitions,
		@Positive @Max(Short.MAX_VALUE) @DefaultValue("1") int replicationFactor,
		@DecimalMin(MIN_RATE_TEXT) double defaultRate,
		@DecimalMin(MIN_RATE_TEXT) @DefaultValue("10000") double maxRate,
		boolean autoStart,
		@NotNull @DefaultValue("500ms") Duration heartbeatInterval) {

	/** The lowest rate anyone may set: one event every ten seconds. */
	public static final double MIN_RATE = 0.1;

	private static final String MIN_RATE_TEXT = "0.1";

	/** The constructor Boot binds: with a second one below, it has to be named. */
	@ConstructorBinding
	public GeneratorProperties {
		if (defaultRate > maxRate) {
			throw new IllegalArgumentException("casino.generator.default-rate (" + defaultRate
					+ ") is above casino.generator.max-rate (" + maxRate + ")");
		}
	}

	/** One copy of each partition: the default stacks run one broker. */
	public GeneratorProperties(String topic, int partitions, double defaultRate, double maxRate, boolean autoStart,
			Duration heartbeatInterval) {
		this(topic, partitions, 1, defaultRate, maxRate, autoStart, heartbeatInterval);
	}

}
