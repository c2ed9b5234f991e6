package org.casinoloyalty.generator.publishing;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.simulation.CasinoSimulator;
import org.casinoloyalty.generator.simulation.MemberRoster;
import org.casinoloyalty.generator.simulation.TransactionIds;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A record the broker never takes counts as failed, not as acknowledged, and does not throw at the caller. */
class TransactionPublisherFailureTest {

	@Test
	void recordsToABrokerThatDoesNotAnswerCountAsFailed() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		var producers = new DefaultKafkaProducerFactory<String, byte[]>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 300,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		var publisher = new TransactionPublisher(producers, JsonMapper.builder().build(),
				new GeneratorProperties("gaming-transactions", 3, 5, 10_000, false, Duration.ofSeconds(1)));
		var simulator = new CasinoSimulator(MemberRoster.defaultRoster(), new SplittableRandom(1), Clock.systemUTC(),
				new TransactionIds(Clock.systemUTC()));
		try {
			publisher.publish(simulator.play().getFirst());
			publisher.publish(simulator.play().getFirst());
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publisher.counters())
				.isEqualTo(new TransactionPublisher.PublishCounters(2, 0, 2, 0)));
			assertThat(publisher.heartbeatIdlePartitions(simulator::heartbeat, Duration.ofSeconds(1)))
				.as("no partitions known while the broker never answered: nothing to send a heartbeat to").isZero();
		}
		finally {
			producers.destroy();
		}
	}

}
