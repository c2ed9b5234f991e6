package org.casinoloyalty.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casinoloyalty.dashboard.ui.Formats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The harness of {@code make bench-latency} (skipped unless {@code -Dbench.url} is given): on the
 * running local demo, for {@code bench.windows} real 5-minute windows, the time from a window's end
 * (event time, the wall clock of this machine) to (a) its rows in {@code member_daily_summary}, (b) its
 * first record on {@code loyalty-offers}, (c) its offers on the Hotel tab of a real browser signed in as
 * the host (the tab's "last closed window" names it). Sampled every 50 ms.
 */
class LatencyBenchIT {

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private static final Duration SAMPLE = Duration.ofMillis(50);

	private static final DateTimeFormatter CONTRACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	/** Real windows take real time: up to 5 minutes before the first ends, then 5 minutes each. */
	@Test
	@Timeout(value = 2, unit = TimeUnit.HOURS)
	void fromWindowEndToSummaryTopicAndScreen() throws Exception {
		String url = System.getProperty("bench.url");
		assumeTrue(url != null, "benchmark only on request (make bench-latency)");
		int windows = Integer.getInteger("bench.windows", 3);
		String jdbc = System.getProperty("bench.jdbc", "jdbc:postgresql://localhost:4566/dev");
		String kafka = System.getProperty("bench.kafka", "localhost:19092");

		Map<LocalDateTime, Instant> onTopic = new ConcurrentHashMap<>();
		Thread topicReader = Thread.ofPlatform().daemon().start(() -> readOffers(kafka, onTopic));
		Instant start = Instant.now();
		LocalDateTime first = LocalDateTime.ofEpochSecond(
				(start.getEpochSecond() / WINDOW.toSeconds() + 1) * WINDOW.toSeconds(), 0, ZoneOffset.UTC);
		Map<LocalDateTime, Instant> inSummary = new TreeMap<>();
		Map<LocalDateTime, Instant> onScreen = new TreeMap<>();
		List<LocalDateTime> ends = new ArrayList<>();
		for (int i = 0; i < windows; i++) {
			ends.add(first.plus(WINDOW.multipliedBy(i)));
		}
		Instant deadline = ends.getLast().toInstant(ZoneOffset.UTC).plusSeconds(90);
		System.out.printf("bench-latency: %d windows ending %s to %s UTC (done by about %s UTC)%n", windows,
				ends.getFirst().toLocalTime(), ends.getLast().toLocalTime(), deadline.toString().substring(11, 19));

		try (Playwright playwright = DashboardBrowser.playwright(); Browser browser = DashboardBrowser.launch(playwright);
				Connection sql = DriverManager.getConnection(jdbc, "root", "");
				Statement statement = sql.createStatement()) {
			Page page = browser.newContext().newPage();
			DashboardBrowser.signIn(page, url, DashboardBrowser.HOST, DashboardBrowser.HOST_PASSWORD);
			page.navigate(url + "/hotel");
			Instant lastProgress = Instant.now();
			while (Instant.now().isBefore(deadline) && (inSummary.size() < windows || onScreen.size() < windows
					|| !ends.stream().allMatch(onTopic::containsKey))) {
				Instant now = Instant.now();
				LocalDateTime closed = lastClosedWindowEnd(statement);
				String screen = page.locator(".watermark-text").first().textContent();
				for (LocalDateTime end : ends) {
					if (closed != null && !closed.isBefore(end)) {
						inSummary.putIfAbsent(end, now);
					}
					if (screen != null && screen.contains(Formats.window(end.minus(WINDOW), end))) {
						onScreen.putIfAbsent(end, now);
					}
				}
				if (Duration.between(lastProgress, now).toSeconds() >= 30) {
					System.out.printf("  ... %s UTC: %d of %d windows closed, %d on the topic, %d on screen%n",
							now.toString().substring(11, 19), inSummary.size(), windows,
							ends.stream().filter(onTopic::containsKey).count(), onScreen.size());
					lastProgress = now;
				}
				page.waitForTimeout(SAMPLE.toMillis());
			}
		}
		topicReader.interrupt();

		List<String> report = new ArrayList<>();
		report.add("window end (UTC) | member_daily_summary | loyalty-offers | Hotel tab   (seconds after the window's end)");
		for (LocalDateTime end : ends) {
			report.add(String.format("%s | %s | %s | %s", end.toLocalTime(), after(end, inSummary.get(end)),
					after(end, onTopic.get(end)), after(end, onScreen.get(end))));
		}
		double[] summary = seconds(ends, inSummary);
		double[] topic = seconds(ends, onTopic);
		double[] screen = seconds(ends, onScreen);
		report.add(String.format("(a) member_daily_summary: p50 %.2f s, p95 %.2f s", percentile(summary, 50), percentile(summary, 95)));
		report.add(String.format("(b) loyalty-offers:       p50 %.2f s, p95 %.2f s", percentile(topic, 50), percentile(topic, 95)));
		report.add(String.format("(c) Hotel tab on screen:  p50 %.2f s, p95 %.2f s (goal: p95 <= 11 s)", percentile(screen, 50),
				percentile(screen, 95)));
		report.add(String.format("latency: windows=%d summary_p95=%.2f topic_p95=%.2f screen_p95=%.2f", windows,
				percentile(summary, 95), percentile(topic, 95), percentile(screen, 95)));
		report.forEach(System.out::println);
		Files.write(Path.of("target/bench-latency.txt"), report);
	}

	private static LocalDateTime lastClosedWindowEnd(Statement statement) throws java.sql.SQLException {
		try (ResultSet row = statement.executeQuery("SELECT max(window_end) FROM member_daily_summary")) {
			row.next();
			Timestamp end = row.getTimestamp(1, java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")));
			return end == null ? null : LocalDateTime.ofInstant(end.toInstant(), ZoneOffset.UTC);
		}
	}

	/** Records from now on, by window end: the first arrival of each window's offers. */
	private static void readOffers(String kafka, Map<LocalDateTime, Instant> onTopic) {
		JsonMapper json = JsonMapper.builder().build();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
				ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"latest"), new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("loyalty-offers"));
			while (!Thread.currentThread().isInterrupted()) {
				for (var record : consumer.poll(Duration.ofMillis(50))) {
					Instant now = Instant.now();
					LocalDateTime end = LocalDateTime.parse(json.readTree(record.value()).get("window_end").asString(), CONTRACT);
					onTopic.putIfAbsent(end, now);
				}
			}
		}
		catch (org.apache.kafka.common.errors.InterruptException stopped) {
			// the measurement is over
		}
	}

	private static String after(LocalDateTime end, Instant seen) {
		return seen == null ? "not seen" : String.format("%.2f", Duration.between(end.toInstant(ZoneOffset.UTC), seen).toMillis() / 1000.0);
	}

	private static double[] seconds(List<LocalDateTime> ends, Map<LocalDateTime, Instant> seen) {
		return ends.stream()
			.filter(seen::containsKey)
			.mapToDouble(end -> Duration.between(end.toInstant(ZoneOffset.UTC), seen.get(end)).toMillis() / 1000.0)
			.sorted()
			.toArray();
	}

	/** Nearest rank; NaN when nothing was seen. */
	private static double percentile(double[] sorted, int p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

}
