package org.casinoloyalty.generator.publishing;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.casinoloyalty.generator.GeneratorProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The generator's check of its topic against a real broker that would auto-create it with one partition. */
@EmbeddedKafka(partitions = 1)
@ExtendWith(OutputCaptureExtension.class)
class TopicCheckTest {

	private static KafkaAdmin kafkaAdmin;

	@BeforeAll
	static void start() {
		kafkaAdmin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaCondition.getBroker().getBrokersAsString()));
	}

	private static TopicCheck check(String topic) {
		var generator = new GeneratorProperties(topic, 3, 5, 10_000, false, Duration.ofSeconds(1));
		return new TopicCheck(generator, kafkaAdmin, new BrokerConnectionHealthIndicator(kafkaAdmin), 3, Duration.ofMillis(50));
	}

	@Test
	void aMissingTopicIsNeverCreatedAndFailsTheStartUpAfterTheBoundSayingWhoCreatesIt(CapturedOutput output) throws Exception {
		TopicCheck check = check("topic-check-missing");

		assertThatIllegalStateException().isThrownBy(() -> check.run(new DefaultApplicationArguments()))
			.withMessageContaining("topic topic-check-missing on the Kafka API broker at ")
			.withMessageContaining("not ready after 3 attempts")
			.withMessageContaining("rpk topic create topic-check-missing -p 3");

		assertThat(output).contains("retrying in 50 ms (attempt 1/3)", "(attempt 2/3)").doesNotContain("(attempt 3/3)");
		assertThat(check.health().getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");
		try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
			assertThat(admin.listTopics().names().get()).doesNotContain("topic-check-missing");
		}
	}

	@Test
	void aTopicMadeByItsOwnerIsReportedWithItsPartitions() throws Exception {
		try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
			admin.createTopics(List.of(new NewTopic("topic-check-present", 3, (short) 1))).all().get();
		}
		TopicCheck check = check("topic-check-present");

		check.run(new DefaultApplicationArguments());

		assertThat(check.health().getStatus().getCode()).isEqualTo("UP");
		assertThat(check.health().getDetails()).containsEntry("partitions", 3);
	}

}
