package org.casinoloyalty.e2e.bench;

import org.casinoloyalty.dashboard.sql.EngineStatement;
import org.casinoloyalty.e2e.Applications;
import org.casinoloyalty.e2e.DashboardQueries;
import org.casinoloyalty.localstack.Events;
import org.casinoloyalty.localstack.RunningLocalStack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code make bench-local}: how fast local-stack ingests with every relation kept current, and how
 * fast the dashboard's queries answer with a million events stored. Not a test: it measures and
 * reports; the figures go into docs/benchmarks.md. Runs in a temporary data directory on free ports.
 *
 * <p>Phases: (1) fill the topic with N synthetic events while local-stack ingests them (producer and
 * ingest share the machine); (2) drop the database and start again on the full topic: the pure
 * catch-up rate, nothing else running; (3) time each dashboard query.
 *
 * <p>System properties: bench.events (1000000), bench.members (100), bench.query-runs (200).
 */
public final class LocalStackBenchmark {

	private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
	private static final LocalDateTime FIRST_EVENT = LocalDateTime.parse("2026-01-01T00:00:00");
	private static final String[] GAMES = { "slot", "blackjack", "roulette", "poker" };
	/** Event time between two events: the generator's default rate of 5 events/s. */
	private static final long EVENT_SPACING_MILLIS = 200;
	private static final int WARM_UP_RUNS = 20;

	private final int events = Integer.getInteger("bench.events", 1_000_000);
	private final int members = Integer.getInteger("bench.members", 100);
	private final int queryRuns = Integer.getInteger("bench.query-runs", 200);
	private final List<String> report = new ArrayList<>();
	private long betsAndWins;
	private long lateSent;

	public static void main(String[] args) throws IOException {
		new LocalStackBenchmark().run();
	}

	private void run() throws IOException {
		Path dataDirectory = Files.createTempDirectory("bench-local-");
		// the late records are counted in the report; their throttled warnings would only interleave with it
		String[] quiet = Applications.localStack("--logging.level.root=WARN", "--logging.level.org.apache.kafka=ERROR",
				"--logging.level.org.casinoloyalty.localstack.ingest=ERROR");
		try {
			header();
			try (RunningLocalStack stack = RunningLocalStack.start(dataDirectory, quiet)) {
				long start = System.nanoTime();
				produce(stack);
				stack.flush();
				double produceSeconds = seconds(start);
				awaitIngested(stack, "live ingest");
				double liveSeconds = seconds(start);
				line("producer (same JVM, while local-stack ingests): %,.0f events/s", events / produceSeconds);
				line("live ingest, producer running (first send to last commit): %,.0f events/s (%.1f s)",
						events / liveSeconds, liveSeconds);
			}
			FileSystemUtils.deleteRecursively(dataDirectory.resolve("postgres"));
			try (RunningLocalStack stack = RunningLocalStack.start(dataDirectory, quiet)) {
				long before = stack.committedOffsets();
				long start = System.nanoTime();
				awaitIngested(stack, "catch-up ingest");
				double catchUpSeconds = seconds(start);
				line("catch-up ingest, empty database, topic already full: %,.0f events/s (%,d events in %.1f s) [goal >= 20,000]",
						(events - before) / catchUpSeconds, events - before, catchUpSeconds);
				checkViewsAreCurrent(stack.sql());
				redeemSomeOffers(stack.sql());
				timeQueries(stack);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDirectory);
		}
		Path out = Path.of("target", "bench-local.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, report);
		System.out.println("\nReport written to " + out.toAbsolutePath());
	}

	private void header() {
		line("local-stack benchmark (make bench-local), %s", OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
		line("machine: %d cores, load average before the run %s", Runtime.getRuntime().availableProcessors(),
				loadAverage());
		line("events: %,d over %d members, %d ms of event time apart (%.1f h), ~1%% heartbeats, ~0.1%% sent 30 s late",
				events, members, EVENT_SPACING_MILLIS, events * EVENT_SPACING_MILLIS / 3_600_000.0);
	}

	/** Bets and wins of random members, heartbeats and a few late records, keyed as the generator keys them. */
	private void produce(RunningLocalStack stack) {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < events; i++) {
			LocalDateTime time = FIRST_EVENT.plusNanos(i * EVENT_SPACING_MILLIS * 1_000_000);
			int dice = random.nextInt(1000);
			if (dice < 10) {
				stack.send(null, Events.heartbeat(EVENT_TIME.format(time)));
				continue;
			}
			if (dice == 10) {
				time = time.minusSeconds(30);
				lateSent++;
			}
			long member = 1001 + random.nextInt(members);
			String type = random.nextInt(10) < 7 ? "bet" : "win";
			String amount = "%d.%02d".formatted(10 + random.nextInt(1990), random.nextInt(100));
			stack.send(String.valueOf(member), Events.play(10_000_000L + i, member, "Member " + member, type, amount,
					GAMES[random.nextInt(GAMES.length)], EVENT_TIME.format(time)));
			betsAndWins++;
			if (i > 0 && i % 250_000 == 0) {
				System.out.printf("  ... produced %,d of %,d events%n", i, events);
			}
		}
	}

	private static void awaitIngested(RunningLocalStack stack, String what) {
		long end = stack.topicEnd();
		long lastReport = System.nanoTime();
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		long committed;
		while ((committed = stack.committedOffsets()) < end) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(what + " did not finish within 4 minutes: " + committed + " of " + end);
			}
			if (System.nanoTime() - lastReport > Duration.ofSeconds(5).toNanos()) {
				System.out.printf("  ... %s: %,d of %,d records committed%n", what, committed, end);
				lastReport = System.nanoTime();
			}
			sleep(Duration.ofMillis(50));
		}
	}

	/** Every bet and win is either counted in the windows or counted as dropped late: the views are current. */
	private void checkViewsAreCurrent(JdbcClient sql) {
		long counted = sql.sql("SELECT coalesce(sum(transaction_count), 0) FROM member_window_live").query(Long.class).single();
		long late = sql.sql("SELECT late_dropped FROM local_stack.ingest_state").query(Long.class).single();
		long windows = sql.sql("SELECT count(*) FROM member_window_live").query(Long.class).single();
		long closed = sql.sql("SELECT count(*) FROM member_daily_summary").query(Long.class).single();
		if (counted + late != betsAndWins) {
			throw new IllegalStateException("views not current: " + counted + " counted + " + late + " late != "
					+ betsAndWins + " bets and wins sent");
		}
		line("after ingest: %,d bets/wins counted + %,d dropped late (%,d sent late) = %,d sent; %,d window rows, %,d closed",
				counted, late, lateSent, betsAndWins, windows, closed);
	}

	/** The first hotel and drink offer of every member and day, as the dashboard would redeem them. */
	private void redeemSomeOffers(JdbcClient sql) {
		int redeemed = sql.sql("""
				INSERT INTO redeemed_offers
				SELECT member_id, member_name, 'hotel', window_start::date, window_start, window_end, window_end, 'bench'
				FROM hotel_room_offers
				UNION ALL
				SELECT member_id, member_name, 'drink', window_start::date, window_start, window_end, window_end, 'bench'
				FROM drink_offers""").update();
		long kept = sql.sql("SELECT count(*) FROM redeemed_offers").query(Long.class).single();
		line("redemptions: %,d inserted, %,d kept (first per member, offer and day)", redeemed, kept);
	}

	/** Every query of the dashboard's catalogue, with arguments that fit the data (DashboardQueries). */
	private void timeQueries(RunningLocalStack stack) {
		line("dashboard queries, %d runs each after %d warm-up runs [goal p95 <= 20 ms]", queryRuns, WARM_UP_RUNS);
		line("| query | arguments | rows | p50 ms | p95 ms | max ms |");
		line("|---|---|---:|---:|---:|---:|");
		for (EngineStatement query : DashboardQueries.all()) {
			Map<String, Object> arguments = DashboardQueries.arguments(stack.dataSource(), query);
			int rows = 0;
			double[] millis = new double[queryRuns];
			for (int run = -WARM_UP_RUNS; run < queryRuns; run++) {
				long start = System.nanoTime();
				rows = stack.sql().sql(query.sql()).params(arguments).query().listOfRows().size();
				if (run >= 0) {
					millis[run] = (System.nanoTime() - start) / 1e6;
				}
			}
			Arrays.sort(millis);
			line("| %s | %s | %d | %.2f | %.2f | %.2f |", query.name(), arguments, rows, percentile(millis, 50),
					percentile(millis, 95), millis[millis.length - 1]);
		}
	}

	private static double percentile(double[] sorted, int percent) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
	}

	private void line(String format, Object... arguments) {
		String text = format.formatted(arguments);
		report.add(text);
		System.out.println(text);
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
