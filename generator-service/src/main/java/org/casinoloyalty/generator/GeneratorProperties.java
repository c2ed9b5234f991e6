package org.casinoloyalty.generator;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the generator publishes: where, how fast, and whether it starts by itself.
 *
 * @param topic topic the play events go to (design §2)
 * @param partitions partitions the topic is created with
 * @param defaultRate events per second at start-up and for {@code POST /start} without a rate
 * @param autoStart start publishing as soon as the application is ready, as the original did
 */
@Validated
@ConfigurationProperties("casino.generator")
public record GeneratorProperties(
		@NotBlank String topic,
		@Positive int partitions,
		@DecimalMin("0.1") double defaultRate,
		boolean autoStart) {
}
