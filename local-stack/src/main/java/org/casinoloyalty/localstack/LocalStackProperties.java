package org.casinoloyalty.localstack;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * Where the stand-in keeps its data and which ports it takes. The defaults are the ports of the
 * Docker stack (Kafka 19092, SQL 4566), so clients cannot tell the two modes apart.
 *
 * @param dataDirectory broker logs and database files; kept across restarts
 */
@Validated
@ConfigurationProperties("casino.local-stack")
public record LocalStackProperties(@NotNull Path dataDirectory, @Valid Kafka kafka, @Valid Sql sql) {

	/**
	 * @param port client listener; 0 takes a free port (tests)
	 * @param controllerPort KRaft controller listener; 0 takes a free port (tests)
	 */
	public record Kafka(@NotBlank String host, @PositiveOrZero int port, @PositiveOrZero int controllerPort,
			@NotBlank String topic, @Positive int partitions) {
	}

	/** @param port PostgreSQL port; 0 takes a free port (tests) */
	public record Sql(@PositiveOrZero int port, @NotBlank String database, @NotBlank String username) {
	}

}
