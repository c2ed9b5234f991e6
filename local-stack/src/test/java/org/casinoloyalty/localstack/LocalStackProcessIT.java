package org.casinoloyalty.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runnable jar as `make demo` runs it: a separate process that a SIGTERM (what `make stop`
 * sends) shuts down cleanly — PostgreSQL and the broker stopped, every port released — and that
 * starts again on the same data directory with nothing lost and nothing ingested twice.
 */
class LocalStackProcessIT {

	private static final Duration START_UP = Duration.ofSeconds(90);

	@TempDir
	Path dataDirectory;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final int httpPort = freePort();
	private final int kafkaPort = freePort();
	private final int controllerPort = freePort();
	private final int sqlPort = freePort();

	private Process process;

	/** After a failure, leave no process behind: not the JVM, and not the PostgreSQL daemon it started. */
	@AfterEach
	void killLeftovers() throws IOException {
		if (process != null && process.isAlive()) {
			process.destroyForcibly();
		}
		Path postmasterPid = dataDirectory.resolve("postgres/postmaster.pid");
		if (Files.exists(postmasterPid)) {
			long pid = Long.parseLong(Files.readAllLines(postmasterPid).getFirst().strip());
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
		}
	}

	@Test
	void sigtermStopsEverythingAndARestartKeepsTheIngestedRecordsExactlyOnce() throws Exception {
		process = start("first.log");
		awaitHealthUp();
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				"127.0.0.1:" + kafkaPort), new StringSerializer(), new StringSerializer())) {
			for (int i = 1; i <= 3; i++) {
				producer.send(new ProducerRecord<>(RunningLocalStack.TOPIC, "1001",
						Events.bet(i, 1001, "Alice Chen", "100.00", "slot", "2026-01-01 00:00:0" + i + ".000")));
			}
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ingested()).isEqualTo(3));

		process.destroy(); // SIGTERM on Unix
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
		assertThat(dataDirectory.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped").doesNotExist();
		for (int port : List.of(httpPort, kafkaPort, controllerPort, sqlPort)) {
			assertThat(isFree(port)).as("port %d released", port).isTrue();
		}

		process = start("second.log");
		awaitHealthUp();
		assertThat(ingested()).isEqualTo(3);
	}

	/**
	 * SIGKILL (an OOM kill, a power cut) while the relay empties a full outbox: after a restart every
	 * record is on the topic, and what went twice is at most the one round in flight (D20).
	 */
	@Test
	void sigkillWhileTheOutboxIsRelayedLosesNoRecordAndRepeatsAtMostOneRound() throws Exception {
		int redemptions = 20_000;
		process = start("busy-outbox.log");
		awaitHealthUp();
		try (Connection sql = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + sqlPort + "/dev", "root", "")) {
			sql.createStatement().executeUpdate("""
					INSERT INTO redeemed_offers
					SELECT m, 'Member ' || m, 'hotel', DATE '2026-03-01', TIMESTAMP '2026-03-01 10:00:00',
					       TIMESTAMP '2026-03-01 10:05:00', TIMESTAMP '2026-03-01 10:07:00', 'host'
					FROM generate_series(1, %d) AS m""".formatted(redemptions));
		}
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
			.until(() -> outboxPending() < redemptions * 3 / 4);
		process.destroyForcibly(); // SIGKILL on Unix
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		stopOrphanedPostgres();

		process = start("after-sigkill.log");
		awaitHealthUp();
		await().atMost(Duration.ofSeconds(60)).until(() -> outboxPending() == 0);
		Map<String, Integer> copies = new HashMap<>();
		try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				"127.0.0.1:" + kafkaPort, ConsumerConfig.GROUP_ID_CONFIG, "sigkill-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest"), new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("loyalty-redemptions"));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(500))
					.forEach(record -> copies.merge(json.readTree(record.value()).get("offer_id").asString(), 1, Integer::sum));
				return copies.size() == redemptions;
			});
			consumer.poll(Duration.ofSeconds(2))
				.forEach(record -> copies.merge(json.readTree(record.value()).get("offer_id").asString(), 1, Integer::sum));
		}
		int duplicates = copies.values().stream().mapToInt(count -> count - 1).sum();
		System.out.printf("outbox across SIGKILL: %d records, %d missing, %d duplicates%n", redemptions,
				redemptions - copies.size(), duplicates);
		assertThat(copies).hasSize(redemptions);
		assertThat(duplicates).as("at most one relay round of 500").isBetween(0, 500);
	}

	/** PostgreSQL outlives a SIGKILLed local-stack (it is its own daemon): stop it as make stop does. */
	private void stopOrphanedPostgres() throws IOException {
		Path postmasterPid = dataDirectory.resolve("postgres/postmaster.pid");
		if (Files.exists(postmasterPid)) {
			long pid = Long.parseLong(Files.readAllLines(postmasterPid).getFirst().strip());
			ProcessHandle.of(pid).ifPresent(postgres -> {
				postgres.destroy();
				postgres.onExit().orTimeout(30, TimeUnit.SECONDS).join();
			});
		}
	}

	private long outboxPending() throws InterruptedException {
		return health().path("components").path("outbox").path("details").path("pending").asLong(-1);
	}

	private Process start(String logName) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", System.getProperty("localstack.jar"),
				"--server.port=" + httpPort, "--casino.local-stack.data-directory=" + dataDirectory,
				"--casino.local-stack.kafka.port=" + kafkaPort,
				"--casino.local-stack.kafka.controller-port=" + controllerPort,
				"--casino.local-stack.sql.port=" + sqlPort));
		Path log = Files.createDirectories(Path.of("target", "local-stack-process-it")).resolve(logName);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private void awaitHealthUp() {
		await().atMost(START_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			assertThat(process.isAlive()).as("local-stack process alive (see target/local-stack-process-it)").isTrue();
			assertThat(health().path("status").asString()).isEqualTo("UP");
		});
	}

	/** Records stored in gaming_transactions, as local-stack's health reports them (kept across restarts). */
	private long ingested() throws InterruptedException {
		return health().path("components").path("ingest").path("details").path("ingested").asLong(-1);
	}

	private JsonNode health() throws InterruptedException {
		try {
			String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString()).body();
			return json.readTree(body);
		}
		catch (IOException notListeningYet) {
			return json.missingNode();
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
