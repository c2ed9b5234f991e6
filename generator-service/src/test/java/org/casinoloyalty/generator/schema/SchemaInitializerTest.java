package org.casinoloyalty.generator.schema;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.publishing.BrokerConnectionHealthIndicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The initialiser against a real broker and a real PostgreSQL, with a script PostgreSQL understands. */
@EmbeddedKafka(partitions = 1)
@ExtendWith(OutputCaptureExtension.class)
class SchemaInitializerTest {

	private static EmbeddedPostgres postgres;

	private static KafkaAdmin kafkaAdmin;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
		kafkaAdmin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	private static SchemaInitializer initializer(String jdbcUrl, String topic, Resource script, int attempts) {
		return initializer(jdbcUrl, topic, script, attempts, Duration.ofDays(7));
	}

	private static SchemaInitializer initializer(String jdbcUrl, String topic, Resource script, int attempts,
			Duration rawEventRetention) {
		var schema = new SchemaProperties(true, jdbcUrl, "postgres", "", "kafka.internal:29092",
				List.of(topic + "-offers", topic + "-redemptions"), script, attempts, Duration.ofMillis(50), rawEventRetention);
		var generator = new GeneratorProperties(topic, 3, 5, 10_000, false, Duration.ofSeconds(1));
		return new SchemaInitializer(schema, generator, kafkaAdmin, new BrokerConnectionHealthIndicator(kafkaAdmin));
	}

	private static Set<String> topics() throws Exception {
		try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
			return admin.listTopics().names().get();
		}
	}

	private static int partitionsOf(String topic) throws Exception {
		try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
			return admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions().size();
		}
	}

	private static ConfigEntry retentionOf(String topic) throws Exception {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
			return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(TopicConfig.RETENTION_MS_CONFIG);
		}
	}

	@Test
	void createsTheTopicThenAppliesTheScriptInOrderWithTheEnginesBrokerAndCanRunAgain(CapturedOutput output) throws Exception {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		var initializer = initializer(url, "schema-test-a", new ClassPathResource("schema/ordered-setup.sql"), 3);
		assertThat(initializer.health().getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");

		initializer.run(new DefaultApplicationArguments());
		initializer.run(new DefaultApplicationArguments());

		assertThat(partitionsOf("schema-test-a")).isEqualTo(3);
		assertThat(partitionsOf("schema-test-a-offers")).as("the sinks' topics, with the same partitions").isEqualTo(3);
		assertThat(partitionsOf("schema-test-a-redemptions")).isEqualTo(3);
		assertThat(retentionOf("schema-test-a")).as("the raw events, 7 days, set on the topic")
			.extracting(ConfigEntry::value, ConfigEntry::source)
			.containsExactly("604800000", ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
		assertThat(retentionOf("schema-test-a-offers").source()).as("the sinks' topics keep the broker's default")
			.isEqualTo(ConfigEntry.ConfigSource.DEFAULT_CONFIG);
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				ResultSet rows = connection.createStatement().executeQuery("SELECT broker FROM engine_source_view")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("kafka.internal:29092");
			assertThat(rows.next()).as("the second run added nothing").isFalse();
		}
		assertThat(initializer.health().getStatus().getCode()).isEqualTo("UP");
		assertThat(initializer.health().getDetails()).containsEntry("statements", 3);
		assertThat(output).contains("Applying statement 1/3: CREATE TABLE IF NOT EXISTS engine_source …",
				"Applying statement 3/3: CREATE OR REPLACE VIEW engine_source_view …", "Schema ready: 3 statements");
	}

	@Test
	void givesUpOnAMissingSqlEngineAfterTheBoundWithOneLineAPerAttemptButMakesTheTopicFirst(CapturedOutput output) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/dev?connectTimeout=1";
		var initializer = initializer(url, "schema-test-b", new ClassPathResource("schema/ordered-setup.sql"), 3);

		assertThatIllegalStateException().isThrownBy(() -> initializer.run(new DefaultApplicationArguments()))
			.withMessageContaining("SQL engine at " + url + " not ready after 3 attempts");

		assertThat(output).contains("SQL engine at " + url + " not ready (", "retrying in 50 ms (attempt 1/3)", "(attempt 2/3)")
			.doesNotContain("(attempt 3/3)");
		assertThat(topics()).contains("schema-test-b");
		assertThat(initializer.health().getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");
	}

	@Test
	void anEventsTopicMadeWithAnotherRetentionTakesTheConfiguredOne(CapturedOutput output) throws Exception {
		try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
			admin.createTopics(List.of(new NewTopic("schema-test-d", 3, (short) 1)
				.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "1000")))).all().get();
		}
		String url = postgres.getJdbcUrl("postgres", "postgres");
		initializer(url, "schema-test-d", new ClassPathResource("schema/ordered-setup.sql"), 3, Duration.ofHours(36))
			.run(new DefaultApplicationArguments());

		assertThat(retentionOf("schema-test-d").value()).isEqualTo("129600000");
		assertThat(output).contains("Topic schema-test-d: retention.ms was 1000, set to 129600000");
	}

	@Test
	void aFailingStatementIsNamedByItsNumber() {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		Resource script = new ByteArrayResource("SELECT 1;\nSELECT * FROM no_such_relation;\n".getBytes(StandardCharsets.UTF_8));
		var initializer = initializer(url, "schema-test-c", script, 1);

		assertThatIllegalStateException().isThrownBy(() -> initializer.run(new DefaultApplicationArguments()))
			.withMessageContaining("statement 2 failed (SELECT * FROM no_such_relation)")
			.withMessageContaining("no_such_relation");
	}

}
