package org.casinoloyalty.localstack.retention;

import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.database.LocalSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@code gaming_transactions} to its retention while ingestion goes on (docs/decisions.md D23): every
 * {@code interval}, deletes the raw events older than the stream watermark minus {@code raw-events}, oldest
 * first, at most {@code batch-size} rows per statement. Each batch is its own short transaction, and a delete
 * takes no lock an ingest batch's {@code COPY} waits for, so the ingest commits go on between and beside them.
 *
 * <p>Event time, not this machine's clock: the same rows go whenever the job runs, a demo started again after
 * weeks does not lose its last week at once, and the watermark moves only as events arrive, so nothing is
 * deleted while nothing grows. The watermark cannot jump ahead (events more than 5 minutes ahead of the clock
 * are dead-lettered, D21), so no single event can empty the table. No relation reads raw rows; the
 * aggregates, offers, redemptions, outbox and dead letters stay as they are.
 */
@Component
class RawEventRetention implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RawEventRetention.class);

	private static final String WATERMARK = "SELECT watermark FROM local_stack.ingest_state";

	/**
	 * One batch: the oldest rows before the cutoff, found through the index on transaction_time, deleted by
	 * their row address, and counted in the same transaction. PostgreSQL's DELETE has no LIMIT of its own.
	 */
	private static final String DELETE_BATCH = """
			WITH gone AS (
			  DELETE FROM gaming_transactions WHERE ctid = ANY (ARRAY(
			    SELECT ctid FROM gaming_transactions WHERE transaction_time < :cutoff ORDER BY transaction_time LIMIT :batch))
			  RETURNING 1)
			UPDATE local_stack.raw_event_retention SET deleted = deleted + (SELECT count(*) FROM gone), cutoff = :cutoff
			RETURNING (SELECT count(*) FROM gone)""";

	/**
	 * What the last run did.
	 *
	 * @param at when it ended
	 * @param cutoff raw events older than this were deleted; null while the stream has no watermark yet
	 * @param deleted how many it deleted
	 */
	record Run(Instant at, LocalDateTime cutoff, long deleted) {
	}

	private final JdbcClient sql;
	private final LocalStackProperties.Retention settings;
	/** False once local-stack stops: a run then ends after its current batch. */
	private volatile boolean running;
	/** After the first run that deletes, runs log at DEBUG: at 5 events/s every minute deletes about 300 rows. */
	private boolean deletedBefore;
	private volatile Run lastRun;
	private volatile RuntimeException lastFailure;
	private ScheduledExecutorService scheduler;

	/** Takes the schema so that the table and its index exist before the first run. */
	RawEventRetention(DataSource dataSource, LocalStackProperties properties, LocalSchema schema) {
		this.sql = JdbcClient.create(dataSource);
		this.settings = properties.retention();
	}

	@Override
	public void start() {
		running = true;
		scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("raw-event-retention").factory());
		scheduler.scheduleWithFixedDelay(this::runLogged, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		running = false;
		scheduler.shutdown();
		try {
			scheduler.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null && !scheduler.isShutdown();
	}

	Duration retention() {
		return settings.rawEvents();
	}

	Run lastRun() {
		return lastRun;
	}

	RuntimeException lastFailure() {
		return lastFailure;
	}

	/** One scheduled run; a failure is reported (log once, health) and the next run tries again. */
	private void runLogged() {
		try {
			runOnce();
			if (lastFailure != null) {
				log.info("Raw-event retention working again");
				lastFailure = null;
			}
		}
		catch (RuntimeException ex) {
			if (lastFailure == null) {
				log.warn("Could not delete old raw events ({}); trying again every {}",
						NestedExceptionUtils.getMostSpecificCause(ex).getMessage(), settings.interval());
			}
			lastFailure = ex;
		}
	}

	/** Deletes batch after batch until no raw event is older than the cutoff, or local-stack stops. */
	long runOnce() {
		LocalDateTime watermark = sql.sql(WATERMARK).query((row, number) -> row.getObject(1, LocalDateTime.class)).list().getFirst();
		if (watermark == null) {
			lastRun = new Run(Instant.now(), null, 0);
			return 0;
		}
		LocalDateTime cutoff = watermark.minus(settings.rawEvents());
		long total = 0;
		long deleted;
		do {
			deleted = sql.sql(DELETE_BATCH).param("cutoff", cutoff).param("batch", settings.batchSize()).query(Long.class).single();
			total += deleted;
		}
		while (deleted == settings.batchSize() && running);
		lastRun = new Run(Instant.now(), cutoff, total);
		if (total > 0) {
			String message = "Deleted {} raw events older than {} (the watermark {} minus the retention of {})";
			Object[] values = { total, cutoff, watermark, print(settings.rawEvents()) };
			if (deletedBefore) {
				log.debug(message, values);
			}
			else {
				log.info(message + "; later runs log at DEBUG, health component 'retention' counts them", values);
				deletedBefore = true;
			}
		}
		return total;
	}

	/** 7d, 36h, 90m: the largest unit that divides the duration, as application.yml writes it. */
	static String print(Duration duration) {
		for (var unit : List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)) {
			long whole = duration.toMillis() / unit.getDuration().toMillis();
			if (whole > 0 && unit.getDuration().multipliedBy(whole).equals(duration)) {
				return whole + switch (unit) {
					case DAYS -> "d";
					case HOURS -> "h";
					case MINUTES -> "m";
					default -> "s";
				};
			}
		}
		return duration.toMillis() + "ms";
	}

}
