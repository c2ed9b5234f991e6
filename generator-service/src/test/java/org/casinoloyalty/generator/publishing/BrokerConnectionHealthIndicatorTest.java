package org.casinoloyalty.generator.publishing;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With no broker, the health and the reachability answer from the probe's last answer, not by asking again. */
class BrokerConnectionHealthIndicatorTest {

	@Test
	void aBrokerThatIsDownIsReportedDownAndEveryCallAnswersAtOnce() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (var broker = new BrokerConnectionHealthIndicator(new KafkaAdmin(Map.of(
				AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort)))) {
			await().atMost(Duration.ofSeconds(20)).until(() -> Status.DOWN.equals(broker.health().getStatus()));

			// each of these would take the probe's 3 s timeout if it asked the broker itself
			await().atMost(Duration.ofSeconds(1)).until(() -> {
				for (int call = 0; call < 10; call++) {
					if (broker.isReachable() || !Status.DOWN.equals(broker.health().getStatus())) {
						return false;
					}
				}
				return true;
			});
			assertThat(broker.health().getDetails()).containsEntry("bootstrapServers", "127.0.0.1:" + closedPort);
		}
	}

}
