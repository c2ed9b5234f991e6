package org.casinoloyalty.localstack.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.network.BindAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The events' topic keeps its records for the raw-event retention, also when it was made with another (D23). */
class TopicRetentionTest {

	@Test
	void theTopicIsMadeWithTheRetentionAndAStartWithAnotherOneChangesIt(@TempDir Path data) throws Exception {
		var kafka = new LocalStackProperties.Kafka(0, 0, "gaming-transactions", 3, "gaming-transactions-dlt",
				List.of("loyalty-offers"));
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafka, Duration.ofHours(36), BindAddress.loopback(), data)) {
			assertThat(retentionMs(broker, "gaming-transactions")).isEqualTo(String.valueOf(Duration.ofHours(36).toMillis()));
			assertThat(retentionMs(broker, "loyalty-offers")).as("the sinks' topics keep the broker's default, 7 days")
				.isEqualTo("604800000");
		}
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafka, Duration.ofDays(3), BindAddress.loopback(), data)) {
			assertThat(retentionMs(broker, "gaming-transactions")).isEqualTo(String.valueOf(Duration.ofDays(3).toMillis()));
		}
	}

	private static String retentionMs(EmbeddedKafkaBroker broker, String topic) throws Exception {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
				.get(TopicConfig.RETENTION_MS_CONFIG).value();
		}
	}

}
