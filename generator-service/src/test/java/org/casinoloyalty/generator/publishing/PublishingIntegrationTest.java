package org.casinoloyalty.generator.publishing;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real application publishing into an embedded Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"casino.generator.auto-start=false",
		"casino.generator.simulation.seed=7",
		"spring.kafka.producer.properties.linger.ms=0" })
@EmbeddedKafka(partitions = 3, topics = "gaming-transactions")
class PublishingIntegrationTest {

	private static final String TOPIC = "gaming-transactions";

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	EventPump pump;

	@Autowired
	TransactionPublisher publisher;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	ApplicationContext context;

	@LocalManagementPort
	int managementPort;

	@LocalServerPort
	int port;

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void stop() {
		pump.stopPublishing();
	}

	private Consumer<String, String> consumer() {
		Map<String, Object> config = KafkaTestUtils.consumerProps(broker, "test-" + System.nanoTime(), false);
		config.put("auto.offset.reset", "latest");
		Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer())
			.createConsumer();
		consumer.subscribe(List.of(TOPIC));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(100));
			return consumer.assignment().size() == 3;
		});
		return consumer;
	}

	private static List<ConsumerRecord<String, String>> pollUntil(Consumer<String, String> consumer, int count) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			return records.size() >= count;
		});
		return records;
	}

	private JsonNode value(ConsumerRecord<String, String> record) {
		return json.readTree(record.value());
	}

	@Test
	void localModeHasNoSchemaInitialiserAndNoDataSource() {
		assertThat(context.containsBean("schema")).isFalse();
		assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
	}

	/** The broker's owner made the topic (here @EmbeddedKafka, as local-stack does); the generator only checks it. */
	@Test
	void theGeneratorFindsItsTopicWithThreePartitionsBeforeTheFirstRecord() throws Exception {
		try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
			var description = admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC);
			assertThat(description.partitions()).hasSize(3);
		}
		assertThat(context.getBean("topic", TopicCheck.class).health().getDetails()).containsEntry("topic", TOPIC)
			.containsEntry("partitions", 3);
	}

	@Test
	void playEventsAreKeyedByMemberIdAndEachMemberStaysOnOnePartition() {
		try (Consumer<String, String> consumer = consumer()) {
			pump.startPublishing(200);
			List<ConsumerRecord<String, String>> records = pollUntil(consumer, 300).stream()
				.filter(record -> !"heartbeat".equals(value(record).get("transaction_type").asString()))
				.toList();
			assertThat(records).isNotEmpty().allSatisfy(record -> {
				JsonNode event = value(record);
				assertThat(record.key()).isEqualTo(event.get("member_id").asString());
				assertThat(event.get("transaction_type").asString()).isIn("bet", "win");
				assertThat(event.get("transaction_time").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
			});
			Map<String, Set<Integer>> partitionsByKey = new java.util.HashMap<>();
			records.forEach(record -> partitionsByKey.computeIfAbsent(record.key(), key -> new java.util.HashSet<>()).add(record.partition()));
			assertThat(partitionsByKey.values()).allSatisfy(partitions -> assertThat(partitions).hasSize(1));
		}
	}

	@Test
	void heartbeatsFlowToEveryPartitionWhileStoppedWithNullKeyMemberAmountAndGame() {
		try (Consumer<String, String> consumer = consumer()) {
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.stream().map(ConsumerRecord::partition).distinct().count() == 3;
			});
			assertThat(records).allSatisfy(record -> {
				JsonNode heartbeat = value(record);
				assertThat(record.key()).isNull();
				assertThat(heartbeat.get("transaction_type").asString()).isEqualTo("heartbeat");
				assertThat(heartbeat.get("member_id").isNull()).isTrue();
				assertThat(heartbeat.get("member_name").isNull()).isTrue();
				assertThat(heartbeat.get("amount").isNull()).isTrue();
				assertThat(heartbeat.get("game_type").isNull()).isTrue();
				assertThat(heartbeat.get("transaction_id").isIntegralNumber()).isTrue();
			});
		}
	}

	@Test
	void countersCountWhatWasSentAndAcknowledged() {
		var before = publisher.counters();
		pump.startPublishing(100);
		await().atMost(Duration.ofSeconds(30)).until(() -> publisher.counters().acknowledged() >= before.acknowledged() + 100);
		pump.stopPublishing();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var now = publisher.counters();
			assertThat(now.acknowledged()).isEqualTo(now.sent() - now.failed());
		});
		assertThat(publisher.counters().failed()).isZero();
	}

	@Test
	void theApiDrivesThePumpAndReportsMeasuredRate() {
		RestClient http = RestClient.create("http://localhost:" + port);
		JsonNode started = http.post().uri("/start?rate=50").retrieve().body(JsonNode.class);
		assertThat(started.get("status").asString()).isEqualTo("started");
		assertThat(http.post().uri("/start").retrieve().body(JsonNode.class).get("status").asString()).isEqualTo("already_running");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				http.get().uri("/status").retrieve().body(JsonNode.class).get("measured_rate").asDouble()).isBetween(40.0, 60.0));
		JsonNode status = http.get().uri("/status").retrieve().body(JsonNode.class);
		assertThat(status.get("broker").get("reachable").asBoolean()).isTrue();
		assertThat(status.get("broker").get("bootstrap_servers").asString()).isEqualTo(broker.getBrokersAsString());
		assertThat(http.post().uri("/stop").retrieve().body(JsonNode.class).get("status").asString()).isEqualTo("stopped");
	}

	@Test
	void theActuatorIsOnTheManagementPortOnlyWithBrokerHealthAndPrometheusMetrics() {
		RestClient api = RestClient.create("http://localhost:" + port);
		for (String endpoint : List.of("/actuator/health", "/actuator/prometheus")) {
			int status = api.get().uri(endpoint).exchange((request, response) -> response.getStatusCode().value());
			assertThat(status).as(endpoint + " on the API's port").isEqualTo(404);
		}
		RestClient http = RestClient.create("http://localhost:" + managementPort);
		JsonNode health = http.get().uri("/actuator/health").retrieve().body(JsonNode.class);
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("broker").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("topic").get("status").asString()).isEqualTo("UP");
		String metrics = http.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(metrics).contains("casino_generator_records_total{outcome=\"sent\"", "casino_generator_records_total{outcome=\"acknowledged\"",
				"casino_generator_records_total{outcome=\"failed\"", "casino_generator_heartbeats_total",
				"casino_generator_rate_measured_events_per_second", "casino_generator_rate_set_events_per_second");
	}

	@Test
	void apiDocumentationIsServedWithoutACdn() {
		RestClient http = RestClient.create("http://localhost:" + port);
		JsonNode openApi = http.get().uri("/openapi.json").retrieve().body(JsonNode.class);
		assertThat(openApi.get("paths").propertyNames()).contains("/", "/start", "/stop", "/status", "/rate", "/rate/{rate}", "/health");
		openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			String name = operation.getKey().toUpperCase() + " " + path.getKey();
			operation.getValue().get("responses").properties().forEach(response -> {
				JsonNode content = response.getValue().get("content").values().iterator().next();
				assertThat(content.has("example") || content.has("examples")).as("example of %s %s", name, response.getKey()).isTrue();
				assertThat(content.has("schema")).as("schema of %s %s", name, response.getKey()).isTrue();
			});
		}));
		String redoc = http.get().uri("/redoc").retrieve().body(String.class);
		assertThat(redoc).contains("/webjars/redoc/bundles/redoc.standalone.js").doesNotContain("cdn");
		assertThat(http.get().uri("/webjars/redoc/bundles/redoc.standalone.js").retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(200);
		assertThat(http.get().uri("/docs").retrieve().toEntity(String.class).getStatusCode().is2xxSuccessful()).isTrue();
	}

}
