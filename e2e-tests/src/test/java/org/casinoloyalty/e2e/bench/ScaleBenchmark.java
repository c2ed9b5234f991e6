package org.casinoloyalty.e2e.bench;

import org.casinoloyalty.e2e.DashboardQueries;
import org.casinoloyalty.e2e.DashboardQueries.SentQuery;
import org.casinoloyalty.generator.simulation.MemberRoster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make bench-scale} (issue 14): the local demo with a 20,000-member roster and ten million events already
 * stored, played at 2,000 events/s for five minutes or more: until a minute after the first close of a window with
 * two and a half minutes of the live run in it (five to nine minutes, by the clock at the start).
 * {@code scripts/bench-scale.sh} starts the three processes on a scratch state directory and stops them; this
 * measures:
 * <ul>
 * <li>ingest: records local-stack committed per second during the live run ({@code local_stack.ingest_state});</li>
 * <li>lag: once a second, the wall clock minus the newest event the live view shows, p95;</li>
 * <li>queries: every query of the dashboard's catalogue (paging orders included) in turn, for everyone and with
 * searches as the dashboard sends it, all through the run, on one connection as the dashboard's pool would; the
 * p95 of the slowest one;</li>
 * <li>memory: the resident set of each process (peak of samples every 5 s), and their sum;</li>
 * <li>disk: the bytes raw events take per million.</li>
 * </ul>
 * System properties: bench.members (20000), bench.rate (2000), bench.live-seconds (300, the shortest run),
 * bench.backfill (10000000), bench.state (the scratch state directory, for the pid files).
 */
public final class ScaleBenchmark {

	private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:4566/dev?prepareThreshold=0";

	private static final URI GENERATOR = URI.create("http://127.0.0.1:8000");

	private static final List<String> PROCESSES = List.of("local-stack", "generator", "dashboard");

	/** The tumbling window and the watermark delay of design §4. */
	private static final Duration WINDOW = Duration.ofMinutes(5);

	private static final Duration WATERMARK_DELAY = Duration.ofSeconds(10);

	private static final Duration LIVE_IN_CLOSED_WINDOW = Duration.ofSeconds(150);

	private static final long AFTER_CLOSE_SECONDS = 60;

	private final int members = Integer.getInteger("bench.members", 20_000);

	private final int rate = Integer.getInteger("bench.rate", 2_000);

	private final int liveSeconds = Integer.getInteger("bench.live-seconds", 300);

	private final long backfill = Long.getLong("bench.backfill", 10_000_000L);

	private final Path state = Path.of(System.getProperty("bench.state", ".local"));

	private final List<String> report = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	public static void main(String[] args) throws Exception {
		new ScaleBenchmark().run();
	}

	private void run() throws Exception {
		line("scale benchmark, %s, %d cores, load average %s", LocalDateTime.now(ZoneOffset.UTC).withNano(0),
				Runtime.getRuntime().availableProcessors(), loadAverage());
		try (Connection connection = DriverManager.getConnection(JDBC_URL, "root", "")) {
			long started = System.nanoTime();
			long stored = new ScaleBackfill(connection, this::line).load(MemberRoster.ofSize(members), backfill,
					Instant.now().minus(Duration.ofMinutes(15)), Duration.ofHours(24), 20261203L);
			line("backfill: %,d events of %,d members over the 24 h before the run, stored in %.0f s (%,.0f events/s)",
					stored, members, seconds(started), stored / seconds(started));
		}
		JdbcClient sql = JdbcClient.create(new SingleConnectionDataSource(JDBC_URL, "root", "", true));
		Map<String, List<Double>> queryMillis = new LinkedHashMap<>();
		List<Double> lags = new ArrayList<>();
		Map<String, Long> peakRss = new LinkedHashMap<>();
		AtomicBoolean live = new AtomicBoolean(true);
		Thread queries = Thread.ofPlatform().name("dashboard-queries").start(() -> timeQueries(live, queryMillis));

		long ingestedBefore = ingested(sql);
		long sentBefore = generatorCounter("sent");
		post("/start?rate=" + rate);
		long liveStart = System.nanoTime();
		Instant liveFrom = Instant.now();
		Instant closing = firstLiveClose(liveFrom);
		long runSeconds = Math.max(liveSeconds, Duration.between(liveFrom, closing).toSeconds() + AFTER_CLOSE_SECONDS);
		line("live: %,d events/s for %d s from %s UTC, at least %d s and until %d s after the close of the window ending"
				+ " %s, the first with %d s of the run in it; progress every 30 s", rate, runSeconds, utcTime(liveFrom),
				liveSeconds, AFTER_CLOSE_SECONDS, utcTime(closing.minus(WATERMARK_DELAY)), LIVE_IN_CLOSED_WINDOW.toSeconds());
		for (int second = 1; second <= runSeconds; second++) {
			Thread.sleep(Math.max(0, liveStart / 1_000_000 + second * 1000L - System.nanoTime() / 1_000_000));
			LocalDateTime newest = sql.sql("SELECT max(last_transaction) FROM member_window_live")
				.query(LocalDateTime.class)
				.single();
			lags.add(Duration.between(newest, LocalDateTime.now(ZoneOffset.UTC)).toMillis() / 1000.0);
			if (second % 5 == 0) {
				sampleRss(peakRss);
			}
			if (second % 30 == 0) {
				line("live: %d s, %,d records ingested, lag now %.1f s", second, ingested(sql) - ingestedBefore,
						lags.getLast());
			}
		}
		double elapsed = seconds(liveStart);
		long sent = generatorCounter("sent") - sentBefore;
		long ingested = ingested(sql) - ingestedBefore;
		post("/stop");
		live.set(false);
		queries.join();

		double ratePerSecond = sent / elapsed;
		double ingestPerSecond = ingested / elapsed;
		double lagP95 = percentile(lags, 95);
		String slowest = null;
		double slowestP95 = 0;
		for (var query : queryMillis.entrySet()) {
			double p95 = percentile(query.getValue(), 95);
			if (p95 >= slowestP95) {
				slowest = query.getKey();
				slowestP95 = p95;
			}
		}
		long raw = sql.sql("SELECT count(*) FROM gaming_transactions").query(Long.class).single();
		long rawBytes = sql.sql("SELECT pg_total_relation_size('gaming_transactions')").query(Long.class).single();
		long rssMb = peakRss.values().stream().mapToLong(Long::longValue).sum() / 1024;
		line("generator sent %,.0f records/s (heartbeats included), local-stack ingested %,.0f records/s [goal: keeps up]",
				ratePerSecond, ingestPerSecond);
		line("lag from event time to member_window_live: p50 %.2f s, p95 %.2f s, max %.2f s [goal p95 <= 2 s]",
				percentile(lags, 50), lagP95, lags.stream().mapToDouble(Double::doubleValue).max().orElse(0));
		line("  seconds of the live run with a lag over 2 s: %s", overTwoSeconds(lags));
		line("dashboard queries: %d statements, %,d runs; slowest p95 %.2f ms (%s) [goal <= 20 ms]", queryMillis.size(),
				queryMillis.values().stream().mapToInt(List::size).sum(), slowestP95, slowest);
		// every statement over the goal, and at least the five slowest
		List<Map.Entry<String, List<Double>>> slowestFirst = queryMillis.entrySet()
			.stream()
			.sorted((a, b) -> Double.compare(percentile(b.getValue(), 95), percentile(a.getValue(), 95)))
			.toList();
		for (int i = 0; i < slowestFirst.size() && (i < 5 || percentile(slowestFirst.get(i).getValue(), 95) > 20); i++) {
			var q = slowestFirst.get(i);
			line("  p95 %7.2f ms  p50 %7.2f ms  %s", percentile(q.getValue(), 95), percentile(q.getValue(), 50), q.getKey());
		}
		peakRss.forEach((process, kb) -> line("resident memory, peak: %s %,d MB", process, kb / 1024));
		line("raw events: %,d rows, %,d MB with index, %.1f MB per million events", raw, rawBytes >> 20,
				rawBytes / 1048576.0 / (raw / 1e6));
		line("load average at the end: %s", loadAverage());
		line("scale: members=%d rate=%.0f ingest=%.0f lag_p95=%.2f query_p95=%.2f rss_mb=%d", members, ratePerSecond,
				ingestPerSecond, lagP95, slowestP95, rssMb);
		Files.write(Path.of("target/bench-scale.txt"), report);
	}

	/**
	 * Every query as the dashboard sends it in turn, with arguments for the data present, until the live run ends. Only
	 * this thread touches {@code millis} until it has been joined.
	 */
	private void timeQueries(AtomicBoolean live, Map<String, List<Double>> millis) {
		var dataSource = new SingleConnectionDataSource(JDBC_URL, "root", "", true);
		JdbcClient sql = JdbcClient.create(dataSource);
		List<SentQuery> catalogue = DashboardQueries.sent();
		while (live.get()) {
			for (SentQuery query : catalogue) {
				Map<String, Object> arguments = query.arguments(dataSource);
				long start = System.nanoTime();
				sql.sql(query.query().sql()).params(arguments).query().listOfRows();
				double elapsed = (System.nanoTime() - start) / 1e6;
				millis.computeIfAbsent(query.name(), name -> new ArrayList<>()).add(elapsed);
				if (!live.get()) {
					return;
				}
			}
		}
	}

	/**
	 * When the watermark closes the first window with at least {@link #LIVE_IN_CLOSED_WINDOW} of the live run in it:
	 * by then all 20,000 members play in it, so the run times the burst of a close (the offers into the outbox,
	 * the rows of a full window moved) and, after it, the offer grids of a window of the live run.
	 */
	private static Instant firstLiveClose(Instant liveFrom) {
		long window = WINDOW.toSeconds();
		long end = Math.ceilDiv(liveFrom.plus(LIVE_IN_CLOSED_WINDOW).getEpochSecond(), window) * window;
		return Instant.ofEpochSecond(end).plus(WATERMARK_DELAY);
	}

	private static LocalTime utcTime(Instant instant) {
		return LocalTime.ofInstant(instant, ZoneOffset.UTC).withNano(0);
	}

	/** The runs of seconds whose lag was over 2 s, each as {@code from-to (max)}, or "none". */
	private static String overTwoSeconds(List<Double> lags) {
		List<String> runs = new ArrayList<>();
		for (int second = 0; second < lags.size(); second++) {
			if (lags.get(second) > 2) {
				int from = second;
				double max = 0;
				for (; second < lags.size() && lags.get(second) > 2; second++) {
					max = Math.max(max, lags.get(second));
				}
				runs.add(String.format("%d-%d (%.1f s)", from + 1, second, max));
			}
		}
		return runs.isEmpty() ? "none" : String.join(", ", runs);
	}

	private static long ingested(JdbcClient sql) {
		return sql.sql("SELECT ingested FROM local_stack.ingest_state").query(Long.class).single();
	}

	private long generatorCounter(String name) throws IOException, InterruptedException {
		String status = http.send(HttpRequest.newBuilder(GENERATOR.resolve("/status")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher value = Pattern.compile("\"" + name + "\":(\\d+)").matcher(status);
		if (!value.find()) {
			throw new IllegalStateException("no " + name + " in the generator's status: " + status);
		}
		return Long.parseLong(value.group(1));
	}

	private void post(String path) throws IOException, InterruptedException {
		HttpResponse<String> answer = http.send(
				HttpRequest.newBuilder(GENERATOR.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("POST " + path + ": HTTP " + answer.statusCode() + " " + answer.body());
		}
	}

	private void sampleRss(Map<String, Long> peak) throws IOException {
		for (String process : PROCESSES) {
			String pid = Files.readString(state.resolve("pids").resolve(process + ".pid")).strip();
			for (String status : Files.readAllLines(Path.of("/proc", pid, "status"))) {
				if (status.startsWith("VmRSS:")) {
					long kb = Long.parseLong(status.replaceAll("\\D", ""));
					peak.merge(process, kb, Math::max);
				}
			}
		}
	}

	private static double percentile(List<Double> values, int percent) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
	}

	private void line(String format, Object... arguments) {
		String line = String.format(format, arguments);
		System.out.println(line);
		report.add(line);
	}

	private static String loadAverage() {
		try {
			return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

}
