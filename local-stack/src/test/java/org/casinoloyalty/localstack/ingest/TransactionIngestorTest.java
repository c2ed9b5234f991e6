package org.casinoloyalty.localstack.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.casinoloyalty.localstack.Events;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingest loop against a scripted consumer and a store in memory: what it does when a commit's
 * reply is lost, and when the topic grows partitions while it runs.
 */
class TransactionIngestorTest {

	private static final String TOPIC = "gaming-transactions";

	private static final LocalStackProperties PROPERTIES = new LocalStackProperties(Path.of("unused"),
			new LocalStackProperties.Network("127.0.0.1", ""),
			new LocalStackProperties.Kafka(0, 0, TOPIC, 1, TOPIC + "-dlt", List.of("loyalty-offers")),
			new LocalStackProperties.Sql(0, "dev", "root", ""),
			new LocalStackProperties.Ingest(500, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofHours(1),
					Duration.ofMillis(20), Duration.ofMinutes(5), Duration.ofMinutes(1)),
			new LocalStackProperties.Outbox(Duration.ofMillis(100), 500, Duration.ofSeconds(1), 5),
			new LocalStackProperties.Retention(Duration.ofDays(7), Duration.ofMinutes(1), 10_000));

	private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

	private final MemoryStore store = new MemoryStore();

	private TransactionIngestor ingestor;

	@AfterEach
	void stop() {
		if (ingestor != null) {
			ingestor.stop();
		}
	}

	@Test
	void aCommitWhoseReplyWasLostIsNotAppliedAgain() {
		partitions(1);
		store.loseTheReplyOfTheNextCommit = true;
		start(1);
		IntStream.range(0, 3).forEach(offset -> add(0, offset, bet(offset, "2026-03-01 10:00:0" + offset)));
		await().atMost(Duration.ofSeconds(10)).until(() -> store.commits >= 1);
		// a later record, so that a batch read again would show in the counts before this test ends
		add(0, 3, Events.heartbeat("2026-03-01 10:00:04.000"));

		await().atMost(Duration.ofSeconds(10)).until(() -> store.state.nextOffsets().getOrDefault(0, 0L) == 4);
		assertThat(store.state.ingested()).isEqualTo(4);
		assertThat(store.windowCounts).containsExactly(Map.entry(window("10:00:00"), 3L));
	}

	@Test
	void aPartitionAddedWhileRunningIsReadAndItsOldRecordsDoNotReopenAClosedWindow() {
		partitions(1);
		start(1);
		add(0, 0, bet(1, "2026-03-01 10:04:00"));
		add(0, 1, bet(2, "2026-03-01 10:06:00"));
		await().atMost(Duration.ofSeconds(10)).until(() -> store.state.nextOffsets().getOrDefault(0, 0L) == 2);
		assertThat(store.state.watermark()).isEqualTo(LocalDateTime.parse("2026-03-01T10:05:50"));

		partitions(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> consumer.assignment().size() == 2);
		add(1, 0, bet(3, "2026-03-01 10:04:30"));
		add(1, 1, bet(4, "2026-03-01 10:06:10"));
		await().atMost(Duration.ofSeconds(10)).until(() -> store.state.nextOffsets().getOrDefault(1, 0L) == 2);

		assertThat(store.state.lateDropped()).isEqualTo(1);
		assertThat(store.windowCounts).containsOnly(Map.entry(window("10:00:00"), 1L), Map.entry(window("10:05:00"), 2L));
		assertThat(store.state.partitionWatermarks()).containsEntry(1, LocalDateTime.parse("2026-03-01T10:06:00"));
	}

	/** Starts the loop and waits until it reads {@code partitions} partitions. */
	private void start(int partitions) {
		ingestor = new TransactionIngestor(consumer, store, PROPERTIES, Clock.fixed(Instant.parse("2026-03-01T10:10:00Z"),
				ZoneOffset.UTC));
		ingestor.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> consumer.assignment().size() == partitions);
	}

	/** The topic has {@code count} partitions from now on, each readable from offset 0. */
	private void partitions(int count) {
		List<PartitionInfo> infos = IntStream.range(0, count)
			.mapToObj(partition -> new PartitionInfo(TOPIC, partition, Node.noNode(), new Node[0], new Node[0]))
			.toList();
		Map<TopicPartition, Long> beginning = new HashMap<>();
		infos.forEach(info -> beginning.put(new TopicPartition(TOPIC, info.partition()), 0L));
		consumer.updateBeginningOffsets(beginning);
		consumer.updatePartitions(TOPIC, infos);
	}

	private void add(int partition, long offset, String value) {
		consumer.addRecord(new ConsumerRecord<>(TOPIC, partition, offset, null, value.getBytes(StandardCharsets.UTF_8)));
	}

	private static String bet(long id, String time) {
		return Events.bet(id, 1001, "Alice", "10.00", "slot", time + ".000");
	}

	private static IngestBatch.WindowKey window(String start) {
		return new IngestBatch.WindowKey(1001, "Alice", LocalDateTime.parse("2026-03-01T" + start));
	}

	/** What IngestStore keeps in PostgreSQL, in memory: the state and each window's record count. */
	private static final class MemoryStore extends IngestStore {

		volatile IngestState state = new IngestState(Map.of(), Map.of(), null, 0, 0, 0);
		final Map<IngestBatch.WindowKey, Long> windowCounts = new java.util.concurrent.ConcurrentHashMap<>();
		volatile boolean loseTheReplyOfTheNextCommit;
		volatile int commits;

		MemoryStore() {
			super(null, null, PROPERTIES);
		}

		@Override
		IngestState load() {
			return state;
		}

		@Override
		synchronized void write(IngestBatch batch) {
			state = batch.after();
			batch.windows().forEach((window, totals) -> windowCounts.merge(window, totals.transactions(), Long::sum));
			commits++;
			if (loseTheReplyOfTheNextCommit) {
				loseTheReplyOfTheNextCommit = false;
				throw new IllegalStateException("An I/O error occurred while sending to the backend (test: reply lost)");
			}
		}

	}

}
