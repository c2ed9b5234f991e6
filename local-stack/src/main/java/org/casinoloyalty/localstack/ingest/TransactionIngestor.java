package org.casinoloyalty.localstack.ingest;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.broker.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Feeds topic {@code gaming-transactions} into the relations, the way RisingWave's Kafka source
 * feeds its materialized views: every partition assigned (no consumer group), offsets kept in
 * PostgreSQL with the data, records applied one by one in offset order (parse, watermark, window
 * aggregates), one database transaction per poll.
 */
@Component
class TransactionIngestor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TransactionIngestor.class);

	private final IngestStore store;
	private final TransactionParser parser = new TransactionParser();
	private final KafkaConsumer<byte[], byte[]> consumer;
	private final String bootstrapServers;
	private final LocalStackProperties.Kafka kafka;
	private final LocalStackProperties.Ingest settings;
	private final ThrottledLog lateLog = new ThrottledLog(log, "late records dropped", Duration.ofSeconds(1));
	private final ThrottledLog deadLetterLog = new ThrottledLog(log, "records dead-lettered", Duration.ofSeconds(1));

	/** Per partition, when it last returned records (System.nanoTime); read by the ingest thread only. */
	private final Map<TopicPartition, Long> lastRecordAt = new HashMap<>();

	private volatile boolean running;
	private volatile IngestStatus status = IngestStatus.STARTING;
	private Thread thread;

	TransactionIngestor(EmbeddedKafkaBroker broker, IngestStore store, LocalStackProperties properties) {
		this.store = store;
		this.bootstrapServers = broker.bootstrapServers();
		this.kafka = properties.kafka();
		this.settings = properties.ingest();
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.CLIENT_ID_CONFIG, "local-stack-ingest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				// Only when the stored offset fell out of retention while local-stack was stopped.
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	IngestStatus status() {
		return status;
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().name("ingest-" + kafka.topic()).start(this::run);
	}

	@Override
	public void stop() {
		running = false;
		consumer.wakeup();
		try {
			thread.join(Duration.ofSeconds(15));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		try (consumer; DeadLetterPublisher deadLetters = new DeadLetterPublisher(bootstrapServers, kafka.deadLetterTopic())) {
			List<TopicPartition> partitions = assignAll();
			IngestState committed = resume(partitions);
			while (running) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
				committed = ingest(records, partitions, committed, deadLetters);
				lateLog.flush();
				deadLetterLog.flush();
			}
		}
		catch (WakeupException ex) {
			// stop() asked us to leave the poll; nothing uncommitted is lost, the next start resumes from the database
		}
		catch (RuntimeException ex) {
			log.error("Ingestion of topic '{}' stopped; restart local-stack to resume from the last committed batch",
					kafka.topic(), ex);
			status = status.failed(ex);
		}
		finally {
			running = false;
			log.info("Ingestion of topic '{}' stopped", kafka.topic());
		}
	}

	private List<TopicPartition> assignAll() {
		List<TopicPartition> partitions = consumer.partitionsFor(kafka.topic())
			.stream()
			.map(info -> new TopicPartition(info.topic(), info.partition()))
			.sorted(Comparator.comparingInt(TopicPartition::partition))
			.toList();
		consumer.assign(partitions);
		return partitions;
	}

	/** Seeks every partition to the offset stored with the last committed batch. */
	private IngestState resume(List<TopicPartition> partitions) {
		IngestState stored = store.load(kafka.topic());
		Map<Integer, Long> positions = new HashMap<>();
		for (TopicPartition partition : partitions) {
			Long next = stored.nextOffsets().get(partition.partition());
			if (next == null) {
				consumer.seekToBeginning(List.of(partition));
			}
			else {
				consumer.seek(partition, next);
			}
			positions.put(partition.partition(), consumer.position(partition));
			lastRecordAt.put(partition, System.nanoTime());
		}
		IngestState committed = new IngestState(positions, stored.partitionWatermarks(), stored.watermark(),
				stored.ingested(), stored.lateDropped(), stored.deadLettered());
		log.info("Ingesting topic '{}' from offsets {} (watermark {}; so far {} records stored, {} late dropped, {} dead-lettered)",
				kafka.topic(), positions, committed.watermark(), committed.ingested(), committed.lateDropped(),
				committed.deadLettered());
		status = new IngestStatus(true, committed, lag(partitions), Instant.now(), null);
		return committed;
	}

	/**
	 * Applies one poll and commits it. When the database write fails, the consumer goes back to the
	 * committed offsets and reads the same records again after a pause: nothing is skipped.
	 */
	private IngestState ingest(ConsumerRecords<byte[], byte[]> records, List<TopicPartition> partitions,
			IngestState committed, DeadLetterPublisher deadLetters) {
		IngestBatch batch = new IngestBatch(committed);
		for (ConsumerRecord<byte[], byte[]> record : records) {
			apply(record, batch, deadLetters);
		}
		long now = System.nanoTime();
		records.partitions().forEach(partition -> lastRecordAt.put(partition, now));
		Map<TopicPartition, OptionalLong> lag = lag(partitions);
		batch.close(partitions.stream().map(TopicPartition::partition).toList(), idle(partitions, lag, now));
		if (!batch.changesState()) {
			status = status.withLag(lag);
			return committed;
		}
		try {
			deadLetters.awaitSent();
			store.write(kafka.topic(), batch);
		}
		catch (RuntimeException ex) {
			log.error("Could not store {} records of topic '{}'; reading them again in {}", batch.records(),
					kafka.topic(), settings.retryBackoff(), ex);
			status = status.retrying(ex);
			pause();
			partitions.forEach(partition -> consumer.seek(partition, committed.nextOffsets().get(partition.partition())));
			return committed;
		}
		IngestState after = batch.after();
		status = new IngestStatus(true, after, lag, Instant.now(), null);
		return after;
	}

	private void apply(ConsumerRecord<byte[], byte[]> record, IngestBatch batch, DeadLetterPublisher deadLetters) {
		Transaction transaction;
		try {
			transaction = parser.parse(record.value());
		}
		catch (RejectedRecordException ex) {
			deadLetters.send(record, ex.getMessage());
			batch.deadLettered(record.partition(), record.offset());
			deadLetterLog.warn("Record {}-{}@{} sent to '{}': {}", record.topic(), record.partition(), record.offset(),
					kafka.deadLetterTopic(), ex.getMessage());
			return;
		}
		if (batch.accept(record.partition(), record.offset(), transaction) == IngestBatch.Outcome.LATE) {
			lateLog.warn("Dropped late record {}-{}@{}: transaction_time {} is older than the watermark {} of its partition",
					record.topic(), record.partition(), record.offset(), transaction.time(),
					batch.partitionWatermark(record.partition()));
		}
	}

	/**
	 * Partitions with nothing to read now and no records for the idle timeout. A lag of 0 alone is
	 * not enough: it is as old as the last fetch, and a partition read in smaller chunks than the
	 * others would then take their watermark and drop its own records still on the way.
	 */
	private List<Integer> idle(List<TopicPartition> partitions, Map<TopicPartition, OptionalLong> lag, long now) {
		long timeout = settings.idlePartitionTimeout().toNanos();
		return partitions.stream()
			.filter(partition -> lag.get(partition).orElse(-1) == 0 && now - lastRecordAt.get(partition) >= timeout)
			.map(TopicPartition::partition)
			.toList();
	}

	private Map<TopicPartition, OptionalLong> lag(List<TopicPartition> partitions) {
		Map<TopicPartition, OptionalLong> lag = new HashMap<>();
		partitions.forEach(partition -> lag.put(partition, consumer.currentLag(partition)));
		return lag;
	}

	private void pause() {
		try {
			Thread.sleep(settings.retryBackoff());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

}
