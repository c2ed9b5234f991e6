package org.casinoloyalty.e2e.chaos;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casinoloyalty.e2e.DashboardBrowser;
import org.casinoloyalty.localstack.RunningLocalStack;
import org.casinoloyalty.localstack.database.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The harness of {@code make chaos} (skipped unless {@code -Dchaos.root} is given): faults done to the
 * running local demo, one scenario after the other, each judged by what a user would check. One line
 * per scenario, then {@code chaos: N scenarios, N passed, N failed}, also in {@code target/chaos.txt}.
 * A failed scenario does not stop the others.
 */
class ChaosIT {

	/** What the demo runs at when make demo leaves it. */
	private static final int DEMO_RATE = 5;

	private LocalDemo demo;

	private Path logs;

	private final List<String> lines = new ArrayList<>();

	private int passed;

	private int failed;

	@Test
	@Timeout(value = 15, unit = TimeUnit.MINUTES)
	void chaos() throws Exception {
		String root = System.getProperty("chaos.root");
		assumeTrue(root != null, "chaos only on request (make chaos)");
		logs = Path.of(root, "e2e-tests/target");
		demo = new LocalDemo(Path.of(root), logs);

		scenario("local-stack SIGKILLed at 1,000 events/s, make demo brings it back", this::localStackKilled);
		scenario("embedded PostgreSQL SIGKILLed alone", this::postgresKilled);
		scenario("broker unreachable for 30 s (local-stack frozen)", this::brokerUnreachable);
		scenario("engine down for 30 s with two dashboards open", this::engineDownWithTwoDashboards);
		scenario("1,000 fuzzed requests to the generator's API", this::fuzzedControlApi);
		scenario("schema applied 5 times", this::schemaFiveTimes);
		scenario("an event from 2099 and a poison record", this::farFutureAndPoison);

		String summary = "chaos: " + (passed + failed) + " scenarios, " + passed + " passed, " + failed + " failed";
		lines.add(summary);
		Files.write(logs.resolve("chaos.txt"), lines);
		System.out.println(summary);
	}

	private void scenario(String name, Callable<String> run) {
		System.out.println("chaos: running: " + name);
		String line;
		try {
			line = "chaos: PASSED " + name + ": " + run.call();
			passed++;
		}
		catch (AssertionError | Exception ex) {
			line = "chaos: FAILED " + name + ": " + ex.getMessage();
			failed++;
			ex.printStackTrace(System.out);
		}
		finally {
			restoreDemoPace();
		}
		lines.add(line);
		System.out.println(line);
	}

	private String localStackKilled() throws Exception {
		return underLoad(1000, Duration.ofSeconds(10), () -> {
			long pid = demo.pid("local-stack");
			demo.signal(pid, "KILL");
			ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
			hold(Duration.ofSeconds(3));
			long restartAt = System.nanoTime();
			demo.makeDemo("chaos-make-demo");
			await().atMost(Duration.ofSeconds(60)).until(() -> demo.component("ingest").equals("UP"));
			return "make demo alone brought local-stack back in " + Duration.ofNanos(System.nanoTime() - restartAt).toSeconds()
					+ " s";
		});
	}

	private String postgresKilled() throws Exception {
		return underLoad(200, Duration.ofSeconds(5), () -> {
			long postmaster = demo.postmaster();
			long killedAt = System.nanoTime();
			demo.signal(postmaster, "KILL");
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
				.until(() -> demo.postmaster() != postmaster && demo.component("db").equals("UP")
						&& demo.component("ingest").equals("UP"));
			return "PostgreSQL back and ingesting after %.1f s".formatted((System.nanoTime() - killedAt) / 1e9);
		});
	}

	private String brokerUnreachable() throws Exception {
		return underLoad(200, Duration.ofSeconds(3), () -> {
			long pid = demo.pid("local-stack");
			demo.signal(pid, "STOP");
			try {
				hold(Duration.ofSeconds(30));
			}
			finally {
				demo.signal(pid, "CONT");
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> demo.component("ingest").equals("UP"));
			return "the broker took records again after the freeze";
		});
	}

	/**
	 * Plays at {@code rate}, does the fault after {@code warmUp}, plays 5 s more, then accounts for every
	 * record since the start.
	 */
	private String underLoad(int rate, Duration warmUp, Callable<String> fault) throws Exception {
		LocalDateTime start = nowUtc();
		JsonNode before = demo.generatorStatus();
		play(rate);
		hold(warmUp);
		String done = fault.call();
		hold(Duration.ofSeconds(5));
		return settleAndAccount(start, before) + "; " + done;
	}

	/** Stops play and waits until every record is answered and ingested, then accounts for all of them. */
	private String settleAndAccount(LocalDateTime start, JsonNode before) throws Exception {
		demo.generator("POST", "/stop");
		// heartbeats go on: the account is a status in which every record sent so far was answered
		AtomicReference<JsonNode> answered = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(100)).until(() -> {
			JsonNode status = demo.generatorStatus();
			answered.set(status);
			return status.get("sent").asLong() == status.get("acknowledged").asLong() + status.get("failed").asLong();
		});
		long end = RunningLocalStack.topicEnd(LocalDemo.KAFKA);
		JdbcClient stored = demoSql();
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
			.until(() -> RunningLocalStack.committedOffsets(stored) >= end);
		JsonNode after = answered.get();
		long sent = delta(after, before, "sent");
		long failedSends = delta(after, before, "failed");
		Ledger.Account account;
		try (Connection sql = demo.sql()) {
			account = Ledger.from(start).check(sql);
		}
		List<String> problems = new ArrayList<>(account.problems());
		// whole totals: a delta would count the records in flight when the scenario began as answered, not sent
		long allSent = after.get("sent").asLong();
		long allAnswered = after.get("acknowledged").asLong() + after.get("failed").asLong();
		if (allSent != allAnswered) {
			problems.add("sent " + allSent + " in all, acknowledged + failed " + allAnswered);
		}
		if (!problems.isEmpty()) {
			throw new AssertionError(String.join("; ", problems));
		}
		return account.summary() + "; the generator sent " + sent + " records during it, " + failedSends
				+ " of them failed, and every record it ever sent was answered (acknowledged + failed = sent)";
	}

	private String engineDownWithTwoDashboards() throws Exception {
		assumeChromium();
		String url = LocalDemo.DASHBOARD.toString();
		try (Playwright playwright = DashboardBrowser.playwright(); Browser browser = DashboardBrowser.launch(playwright);
				BrowserContext first = browser.newContext(); BrowserContext second = browser.newContext()) {
			Page one = first.newPage();
			Page two = second.newPage();
			DashboardBrowser.signIn(one, url, DashboardBrowser.HOST, DashboardBrowser.HOST_PASSWORD);
			DashboardBrowser.signIn(two, url, DashboardBrowser.HOST, DashboardBrowser.HOST_PASSWORD);
			Locator offer = one.locator("#hotel-latest").getByRole(AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Mark as redeemed")).first();
			boolean anOffer = offer.count() > 0;

			long pid = demo.pid("local-stack");
			demo.signal(pid, "STOP");
			long downAt = System.nanoTime();
			String redemption;
			double bannerSeconds;
			try {
				demo.signal(demo.postmaster(), "KILL");
				await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
					.until(() -> one.locator("#outage-banner").isVisible() && two.locator("#outage-banner").isVisible());
				bannerSeconds = (System.nanoTime() - downAt) / 1e9;
				if (anOffer) {
					offer.click();
					await().atMost(Duration.ofSeconds(20)).until(() -> one.getByText("Nothing was redeemed").count() > 0);
					redemption = "a redemption tried meanwhile said \"Nothing was redeemed\"";
				}
				else {
					redemption = "no offer on the Hotel tab to try a redemption with";
				}
				hold(Duration.ofNanos(Duration.ofSeconds(30).toNanos() - (System.nanoTime() - downAt)));
			}
			finally {
				demo.signal(pid, "CONT");
			}
			long upAt = System.nanoTime();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
				.until(() -> !one.locator("#outage-banner").isVisible() && !two.locator("#outage-banner").isVisible());
			double recovery = (System.nanoTime() - upAt) / 1e9;
			if (bannerSeconds > 5 + 3) {
				throw new AssertionError("the banner took %.1f s, more than one 5 s interval (+3 s of timeouts)".formatted(bannerSeconds));
			}
			if (anOffer) {
				offer.click();
				await().atMost(Duration.ofSeconds(20)).until(() -> one.getByText("marked as redeemed by host").count() > 0
						|| one.getByText("already redeemed").count() > 0);
				redemption += ", and the same offer was redeemed once the engine was back (nothing lost)";
			}
			return "banner on both dashboards after %.1f s, gone without a reload %.1f s after the engine came back; %s"
				.formatted(bannerSeconds, recovery, redemption);
		}
	}

	private String fuzzedControlApi() throws Exception {
		ControlApiFuzzer.Report report = new ControlApiFuzzer(LocalDemo.GENERATOR, demo.apiKey(), 13).run(1000);
		if (!report.breaches().isEmpty()) {
			throw new AssertionError(report.breaches().size() + " breaches, first: " + report.breaches().getFirst());
		}
		return report.requests() + " requests, " + report.valid() + " valid state changes, answers " + report.statuses()
				+ ", no 5xx, state changed only by the valid ones";
	}

	private String schemaFiveTimes() throws Exception {
		String script = new ClassPathResource("db/local-schema.sql").getContentAsString(StandardCharsets.UTF_8);
		JdbcClient sql = demoSql();
		List<String> catalog = Catalog.of(sql);
		for (int run = 1; run <= 5; run++) {
			try (Connection connection = demo.sql(); Statement statement = connection.createStatement()) {
				connection.setAutoCommit(false);
				statement.execute(script);
				connection.commit();
			}
			if (!Catalog.of(sql).equals(catalog)) {
				throw new AssertionError("the catalog changed at run " + run);
			}
		}
		return "local-schema.sql applied 5 times to the running demo, the catalog (" + catalog.size()
				+ " columns, views, functions, triggers, indexes, constraints) identical each time";
	}

	private String farFutureAndPoison() throws Exception {
		demo.generator("GET", "/rate/" + DEMO_RATE);
		demo.generator("POST", "/start");
		TopicPartition deadLetters = new TopicPartition("gaming-transactions-dlt", 0);
		long deadLettersBefore;
		try (KafkaConsumer<String, String> consumer = consumer()) {
			deadLettersBefore = consumer.endOffsets(List.of(deadLetters)).get(deadLetters);
		}
		long countedBefore = counted();
		String future = """
				{"transaction_id":1,"member_id":1001,"member_name":"James Chen","transaction_type":"bet","amount":10,\
				"game_type":"slots","transaction_time":"2099-01-01 00:00:00.000"}""";
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				LocalDemo.KAFKA), new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("gaming-transactions", "1001", future)).get();
			producer.send(new ProducerRecord<>("gaming-transactions", "1001", "{poison")).get();
		}
		List<String> arrived = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.assign(List.of(deadLetters));
			consumer.seek(deadLetters, deadLettersBefore);
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					arrived.add(record.value());
				}
				return arrived.contains(future) && arrived.contains("{poison");
			});
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> counted() > countedBefore);
		LocalDateTime watermark;
		try (Connection sql = demo.sql(); Statement statement = sql.createStatement();
				ResultSet row = statement.executeQuery("SELECT watermark FROM local_stack.ingest_state")) {
			row.next();
			watermark = row.getObject(1, LocalDateTime.class);
		}
		if (watermark.isAfter(nowUtc())) {
			throw new AssertionError("the watermark moved to " + watermark);
		}
		String ingest = demo.component("ingest");
		// DEGRADED may be left from late drops of an earlier scenario; DOWN would mean ingestion stopped
		if (!ingest.equals("UP") && !ingest.equals("DEGRADED")) {
			throw new AssertionError("ingest health is " + ingest);
		}
		return "both in gaming-transactions-dlt, the watermark stayed at " + watermark + " (now), events still counted"
				+ ", ingest " + ingest;
	}

	private long counted() throws Exception {
		try (Connection sql = demo.sql(); Statement statement = sql.createStatement();
				ResultSet row = statement.executeQuery("SELECT coalesce(sum(transaction_count), 0) FROM member_window_live")) {
			row.next();
			return row.getLong(1);
		}
	}

	private static JdbcClient demoSql() {
		return JdbcClient.create(new DriverManagerDataSource(LocalDemo.JDBC_URL, "root", ""));
	}

	private static KafkaConsumer<String, String> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalDemo.KAFKA), new StringDeserializer(),
				new StringDeserializer());
	}

	private void play(int rate) throws Exception {
		demo.generator("GET", "/rate/" + rate);
		demo.generator("POST", "/start");
	}

	/** Back to what make demo leaves: playing at 5 events/s. */
	private void restoreDemoPace() {
		try {
			demo.generator("GET", "/rate/" + DEMO_RATE);
			demo.generator("POST", "/start");
		}
		catch (Exception ex) {
			System.out.println("chaos: could not set the generator back to " + DEMO_RATE + " events/s: " + ex.getMessage());
		}
	}

	private static void assumeChromium() {
		if (!DashboardBrowser.available()) {
			throw new IllegalStateException("no chromium at " + DashboardBrowser.CHROMIUM + " (apt-get install chromium)");
		}
	}

	private static long delta(JsonNode after, JsonNode before, String counter) {
		return after.get(counter).asLong() - before.get(counter).asLong();
	}

	/** A deliberate span of load or of an outage, not a wait for a condition. */
	private static void hold(Duration span) throws InterruptedException {
		if (!span.isNegative()) {
			Thread.sleep(span);
		}
	}

	private static LocalDateTime nowUtc() {
		return LocalDateTime.now(ZoneOffset.UTC);
	}

}
