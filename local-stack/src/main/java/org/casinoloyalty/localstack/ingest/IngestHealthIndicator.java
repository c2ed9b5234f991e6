package org.casinoloyalty.localstack.ingest;

import org.casinoloyalty.localstack.DegradedStatus;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health component {@code ingest}: UP while records flow from the topic into the relations, with
 * the watermark, the lag and the counters; DEGRADED while many of the records that arrive are
 * dropped as late; DOWN while writes fail or after ingestion stopped.
 */
@Component("ingest")
class IngestHealthIndicator implements HealthIndicator {

	private final TransactionIngestor ingestor;

	/** casino.local-stack.ingest.late-alert-window, as written in the configuration (1m). */
	private final String window;

	IngestHealthIndicator(TransactionIngestor ingestor, LocalStackProperties properties) {
		this.ingestor = ingestor;
		this.window = DurationStyle.SIMPLE.print(properties.ingest().lateAlertWindow(), ChronoUnit.SECONDS);
	}

	@Override
	public Health health() {
		IngestStatus status = ingestor.status();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("running", status.running());
		if (status.committed() != null) {
			details.put("watermark", String.valueOf(status.committed().watermark()));
			details.put("lag", status.totalLag() == null ? "unknown" : status.totalLag());
			details.put("ingested", status.committed().ingested());
			details.put("lateDropped", status.committed().lateDropped());
			details.put("deadLettered", status.committed().deadLettered());
			details.put("nextOffsets", status.committed().nextOffsets());
			details.put("lastCommit", String.valueOf(status.lastCommit()));
			details.put("recent", Map.of("window", window, "counted", status.recentLateness().counted(), "lateDropped",
					status.recentLateness().late()));
		}
		Health.Builder health = status.running() && status.error() == null ? Health.up() : Health.down();
		if (status.error() == null && status.recentLateness().alarming()) {
			health = Health.status(DegradedStatus.DEGRADED);
			details.put("warning", status.recentLateness().late() + " of the "
					+ (status.recentLateness().late() + status.recentLateness().counted())
					+ " bet and win records read in the last " + window + " were older than the watermark "
					+ status.committed().watermark() + " and dropped: a producer's clock runs behind,"
					+ " or an event from the future moved the watermark"
					+ " (docs/operations.md, \"Late records\")");
		}
		if (status.error() != null) {
			details.put("error", describe(status.error()));
		}
		return health.withDetails(details).build();
	}

	/** The failure and its root cause (a wrapped SQL error says what went wrong only at the bottom). */
	private static String describe(Throwable error) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(error);
		String text = cause == error ? error.toString() : error.getMessage() + ": " + cause;
		return text.lines().findFirst().orElse(text);
	}

}
