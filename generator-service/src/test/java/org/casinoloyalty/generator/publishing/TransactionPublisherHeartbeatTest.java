package org.casinoloyalty.generator.publishing;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.simulation.CasinoSimulator;
import org.casinoloyalty.generator.simulation.MemberRoster;
import org.casinoloyalty.generator.simulation.TransactionIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heartbeats per partition, through the pump on a hand-moved clock and a mock producer with three
 * partitions: every partition that had no record for an interval gets one, whatever the others get.
 */
class TransactionPublisherHeartbeatTest {

	private static final String TOPIC = "gaming-transactions";

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	private long now = 1_000_000_000L;

	private MockProducer<String, byte[]> producer;

	private EventPump pump;

	/** The pump and a publisher whose producer puts every keyed record where {@code partitionOfKey} says. */
	private void start(Function<String, Integer> partitionOfKey) {
		Node node = new Node(0, "localhost", 9092);
		List<PartitionInfo> partitions = IntStream.range(0, 3)
			.mapToObj(partition -> new PartitionInfo(TOPIC, partition, node, new Node[] { node }, new Node[] { node }))
			.toList();
		Cluster cluster = new Cluster("test", List.of(node), partitions, Set.of(), Set.of());
		producer = new MockProducer<>(cluster, true, new KeyPartitioner(partitionOfKey), new StringSerializer(),
				new ByteArraySerializer());
		var properties = new GeneratorProperties(TOPIC, 3, 5, 10_000, false, INTERVAL);
		var publisher = new TransactionPublisher(producer, JsonMapper.builder().build(), properties, () -> now);
		var simulator = new CasinoSimulator(MemberRoster.defaultRoster(), new SplittableRandom(1), Clock.systemUTC(),
				new TransactionIds(Clock.systemUTC()));
		pump = new EventPump(simulator, publisher, properties, () -> now);
	}

	private void runFor(Duration duration) {
		for (long t = 0; t < duration.toNanos(); t += Duration.ofMillis(10).toNanos()) {
			now += Duration.ofMillis(10).toNanos();
			pump.tick();
		}
	}

	/** Heartbeats sent so far, per partition. */
	private Map<Integer, Long> heartbeatsPerPartition() {
		return producer.history()
			.stream()
			.filter(record -> record.key() == null)
			.collect(Collectors.groupingBy(ProducerRecord::partition, Collectors.counting()));
	}

	private long playEvents() {
		return producer.history().stream().filter(record -> record.key() != null).count();
	}

	@Test
	void whileStoppedEveryPartitionGetsAHeartbeatOncePerInterval() {
		start(key -> 0);

		runFor(Duration.ofSeconds(10));

		assertThat(playEvents()).isZero();
		assertThat(heartbeatsPerPartition()).containsOnly(Map.entry(0, 10L), Map.entry(1, 10L), Map.entry(2, 10L));
		assertThat(producer.history()).allSatisfy(record -> assertThat(new String(record.value()))
			.contains("\"transaction_type\":\"heartbeat\""));
	}

	@Test
	void aPartitionThePlaySkipsGetsHeartbeatsWhileTheOneWithThePlayGetsNone() {
		start(key -> 0);
		pump.startPublishing(5);

		runFor(Duration.ofSeconds(10));

		assertThat(playEvents()).isEqualTo(1 + 5 * 10);
		assertThat(heartbeatsPerPartition()).doesNotContainKey(0)
			.containsEntry(1, 10L)
			.containsEntry(2, 10L);
	}

	@Test
	void playOnEveryPartitionNeedsNoHeartbeatAfterTheFirstRound() {
		start(key -> (int) (Long.parseLong(key) % 3));
		pump.startPublishing(100);
		runFor(Duration.ofSeconds(1));
		Map<Integer, Long> firstSecond = heartbeatsPerPartition();

		runFor(Duration.ofSeconds(10));

		assertThat(heartbeatsPerPartition()).isEqualTo(firstSecond);
		assertThat(playEvents()).isEqualTo(1 + 100 * 11);
	}

	@Test
	void slowPlayLeavesGapsThatHeartbeatsFillOnEachPartition() {
		start(key -> 1);
		pump.startPublishing(0.2);

		runFor(Duration.ofSeconds(20));

		assertThat(playEvents()).as("at 0, 5, 10, 15 and 20 s").isEqualTo(5);
		assertThat(heartbeatsPerPartition()).as("partition 1: once a second between its records, 4 in each 5 s gap")
			.containsEntry(0, 20L)
			.containsEntry(1, 16L)
			.containsEntry(2, 20L);
	}

	/** Every keyed record to the partition a function of its key gives: a test's choice of where play lands. */
	private record KeyPartitioner(Function<String, Integer> partitionOfKey) implements Partitioner {

		@Override
		public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
			return partitionOfKey.apply((String) key);
		}

		@Override
		public void close() {
		}

		@Override
		public void configure(Map<String, ?> configs) {
		}

	}

}
