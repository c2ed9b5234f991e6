package org.casinoloyalty.localstack.retention;

import org.casinoloyalty.localstack.DegradedStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.LocalDateTime;

/**
 * Health component {@code retention}: how long raw events are kept, the oldest one kept, how many were
 * deleted so far (kept across restarts) and by the last run, and the bytes of the raw events and of the whole
 * database; DEGRADED while the last run failed (the raw events then grow past their retention).
 */
@Component("retention")
class RetentionHealthIndicator implements HealthIndicator {

	/** Kept = stored by the ingest loop (ingest_state.ingested) minus deleted; min() reads the time index. */
	private static final String STATE = """
			SELECT r.deleted, s.ingested - r.deleted AS kept,
			       (SELECT min(transaction_time) FROM gaming_transactions) AS oldest_kept
			FROM local_stack.raw_event_retention r, local_stack.ingest_state s""";

	record State(long deleted, long kept, LocalDateTime oldestKept) {
	}

	private final RawEventRetention retention;
	private final JdbcClient sql;

	RetentionHealthIndicator(RawEventRetention retention, DataSource dataSource) {
		this.retention = retention;
		this.sql = JdbcClient.create(dataSource);
	}

	@Override
	public Health health() {
		RuntimeException failure = retention.lastFailure();
		Health.Builder health = failure == null ? Health.up() : Health.status(DegradedStatus.DEGRADED);
		health.withDetail("rawEvents", RawEventRetention.print(retention.retention()));
		try {
			State state = sql.sql(STATE).query(State.class).single();
			DiskUsage disk = DiskUsage.of(sql);
			health.withDetail("oldestKept", String.valueOf(state.oldestKept()))
				.withDetail("kept", state.kept())
				.withDetail("deleted", state.deleted())
				.withDetail("rawEventBytes", disk.rawEventBytes())
				.withDetail("databaseBytes", disk.databaseBytes());
		}
		catch (RuntimeException ex) {
			health.withDetail("oldestKept", "unknown");
		}
		RawEventRetention.Run run = retention.lastRun();
		if (run != null) {
			health.withDetail("lastRun", String.valueOf(run.at()))
				.withDetail("cutoff", String.valueOf(run.cutoff()))
				.withDetail("lastRunDeleted", run.deleted());
		}
		if (failure != null) {
			health.withDetail("warning", "old raw events could not be deleted, gaming_transactions grows past its retention"
					+ " (docs/operations.md, \"Raw-event retention\")")
				.withDetail("error", NestedExceptionUtils.getMostSpecificCause(failure).toString());
		}
		return health.build();
	}

}
