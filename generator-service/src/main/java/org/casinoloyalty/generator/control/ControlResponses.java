package org.casinoloyalty.generator.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The JSON bodies of the control API; field names in snake_case as the original's API had them. */
final class ControlResponses {

	private ControlResponses() {
	}

	@Schema(description = "Outcome of POST /start or POST /stop")
	record RunChange(
			@Schema(description = "started, already_running, stopped or already_stopped", example = "started") String status,
			@Schema(description = "whether play events are being published now", example = "true") boolean running,
			@Schema(description = "the set rate in events per second", example = "5.0") double rate) {
	}

	@Schema(description = "Outcome of a rate change")
	record RateChanged(
			@Schema(example = "rate_updated") String status,
			@Schema(description = "the new rate in events per second", example = "10.0") double rate,
			@JsonProperty("previous_rate") @Schema(example = "5.0") double previousRate,
			@Schema(example = "true") boolean running) {
	}

	@Schema(description = "The set and the measured rate")
	record Rate(
			@Schema(description = "the set rate in events per second", example = "5.0") double rate,
			@JsonProperty("measured_rate") @Schema(description = "play events acknowledged per second over the last 10 s", example = "4.98") double measuredRate,
			@Schema(example = "true") boolean running,
			@JsonProperty("min_rate") @Schema(example = "0.1") double minRate,
			@JsonProperty("max_rate") @Schema(example = "10000.0") double maxRate) {
	}

	@Schema(description = "Body of PATCH /rate")
	record RateChange(@Schema(description = "events per second, 0.1 to the configured maximum (default 10,000)", example = "10",
			requiredMode = Schema.RequiredMode.REQUIRED) double rate) {
	}

	@Schema(description = "Everything about the generator at a glance")
	record Status(
			@Schema(example = "true") boolean running,
			@Schema(description = "the set rate in events per second", example = "5.0") double rate,
			@JsonProperty("measured_rate") @Schema(description = "play events acknowledged per second over the last 10 s", example = "4.98") double measuredRate,
			@Schema(description = "records handed to the producer, heartbeats included", example = "1523") long sent,
			@Schema(description = "records the broker acknowledged", example = "1521") long acknowledged,
			@Schema(description = "records the producer gave up on", example = "0") long failed,
			@Schema(description = "heartbeat records among those sent", example = "12") long heartbeats,
			@Schema(example = "gaming-transactions") String topic,
			Broker broker,
			@JsonProperty("uptime_seconds") @Schema(example = "312.4") double uptimeSeconds) {
	}

	record Broker(
			@JsonProperty("bootstrap_servers") @Schema(example = "localhost:19092") String bootstrapServers,
			@Schema(description = "whether the broker answered just now", example = "true") boolean reachable) {
	}

	@Schema(description = "Liveness of the generator and its broker")
	record Health(
			@Schema(description = "healthy when the broker answers, else unhealthy", example = "healthy") String status,
			@JsonProperty("broker_reachable") @Schema(example = "true") boolean brokerReachable,
			@Schema(example = "true") boolean running) {
	}

	@Schema(description = "What this service offers")
	record Index(
			@Schema(example = "casino-data-generator") String service,
			List<Endpoint> endpoints,
			@Schema(example = "/docs") String docs,
			@Schema(example = "/redoc") String redoc,
			@JsonProperty("openapi") @Schema(example = "/openapi.json") String openApi,
			@JsonProperty("api_key_required") @Schema(description = "whether POST /start, POST /stop, GET /rate/{n} and PATCH /rate need the header X-API-Key", example = "false") boolean apiKeyRequired) {
	}

	record Endpoint(@Schema(example = "POST") String method, @Schema(example = "/start") String path,
			@Schema(example = "Start publishing (optional ?rate=)") String description) {
	}

}
