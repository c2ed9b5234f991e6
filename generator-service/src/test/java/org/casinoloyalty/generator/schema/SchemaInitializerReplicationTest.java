package org.casinoloyalty.generator.schema;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.publishing.BrokerConnectionHealthIndicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The replication factor the topics are created with (casino.generator.replication-factor; 3 on the cluster profile's
 * three brokers). One broker: a factor it cannot meet is refused by the broker itself, which proves the factor reaches
 * it. (A three-broker embedded KRaft cluster took five minutes to shut down here.) No SQL engine answers: the topics
 * come first, then the initialiser gives up.
 */
@EmbeddedKafka
class SchemaInitializerReplicationTest {

	private static KafkaAdmin kafkaAdmin;

	@BeforeAll
	static void admin() {
		kafkaAdmin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				EmbeddedKafkaCondition.getBroker().getBrokersAsString()));
	}

	private static SchemaInitializer initializer(GeneratorProperties generator) {
		var schema = new SchemaProperties(true, "jdbc:postgresql://127.0.0.1:1/none", "root", "", "broker:9092",
				List.of(generator.topic() + "-offers"), new ByteArrayResource("SELECT 1;".getBytes(StandardCharsets.UTF_8)), 1,
				Duration.ofMillis(50), Duration.ofDays(7));
		return new SchemaInitializer(schema, generator, kafkaAdmin, new BrokerConnectionHealthIndicator(kafkaAdmin));
	}

	@Test
	void asksTheBrokerForTheGivenReplicationFactor() {
		var generator = new GeneratorProperties("replicated", 6, 3, 5, 10_000, false, Duration.ofSeconds(1));

		assertThatIllegalStateException().isThrownBy(() -> initializer(generator).run(new DefaultApplicationArguments()))
			.withMessageContaining("topic replicated on the Kafka API broker")
			.withRootCauseInstanceOf(InvalidReplicationFactorException.class);
	}

	@Test
	void createsEveryTopicWithOneCopyByDefault() throws Exception {
		var generator = new GeneratorProperties("single-copy", 6, 5, 10_000, false, Duration.ofSeconds(1));

		assertThatIllegalStateException().isThrownBy(() -> initializer(generator).run(new DefaultApplicationArguments()))
			.withMessageContaining("SQL engine at");

		try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
			var topics = admin.describeTopics(Set.of("single-copy", "single-copy-offers")).allTopicNames().get();
			assertThat(topics.values()).hasSize(2).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(6)
				.allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1)));
		}
	}

}
