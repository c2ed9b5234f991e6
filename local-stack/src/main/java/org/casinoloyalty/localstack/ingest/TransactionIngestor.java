package org.casinoloyalty.localstack.ingest;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.broker.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Feeds topic {@code gaming-transactions} into the relations, the way RisingWave's Kafka source
 * feeds its materialized views: every partition assigned (no consumer group), partitions added to
 * the topic picked up while running, offsets kept in PostgreSQL with the data, records applied one
 * by one in offset order (parse, watermark, window aggregates), one database transaction per poll.
 */
@Component
class TransactionIngestor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TransactionIngestor.class);

	private final IngestStore store;
	private final TransactionParser parser;
	private final Consumer<byte[], byte[]> consumer;
	private final LocalStackProperties.Kafka kafka;
	private final LocalStackProperties.Ingest settings;
	private final ThrottledLog lateLog = new ThrottledLog(log, "late records dropped", Duration.ofSeconds(1));
	private final ThrottledLog deadLetterLog = new ThrottledLog(log, "records dead-lettered", Duration.ofSeconds(1));
	private final RecentLateness lateness;

	/** The topic's partitions being read, by number; ingest thread only. */
	private List<TopicPartition> partitions = List.of();

	/** Per partition, when it last returned records (System.nanoTime); ingest thread only. */
	private final Map<TopicPartition, Long> lastRecordAt = new HashMap<>();

	private long partitionsCheckedAt;

	/** When the last poll was applied (System.nanoTime); ingest thread only. */
	private long lastIngestAt = System.nanoTime();

	private volatile boolean running;
	private volatile IngestStatus status = IngestStatus.STARTING;
	private Thread thread;

	@Autowired
	TransactionIngestor(EmbeddedKafkaBroker broker, IngestStore store, LocalStackProperties properties) {
		this(new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.CLIENT_ID_CONFIG, "local-stack-ingest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				// Only when the stored offset fell out of retention while local-stack was stopped.
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.ingest().maxPollRecords(),
				// how soon partitions added to the topic show in the metadata partitionsFor reads
				ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) properties.ingest().partitionCheckInterval().toMillis()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer()), store, properties, Clock.systemUTC());
	}

	TransactionIngestor(Consumer<byte[], byte[]> consumer, IngestStore store, LocalStackProperties properties, Clock clock) {
		this.consumer = consumer;
		this.store = store;
		this.kafka = properties.kafka();
		this.settings = properties.ingest();
		this.parser = new TransactionParser(clock, settings.maxFutureSkew());
		this.lateness = new RecentLateness(settings.lateAlertWindow());
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
		try (consumer) {
			IngestState committed = resume();
			while (running) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
				committed = ingest(records, committed);
				committed = readNewPartitions(committed);
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

	/** Reads every partition of the topic from the offset stored with the last committed batch. */
	private IngestState resume() {
		partitions = topicPartitions();
		partitionsCheckedAt = System.nanoTime();
		consumer.assign(partitions);
		IngestState committed = readFromStored(partitions, storedState());
		log.info("Ingesting topic '{}', {} partitions, from offsets {} (watermark {}; so far {} records stored, {} late dropped, {} dead-lettered)",
				kafka.topic(), partitions.size(), committed.nextOffsets(), committed.watermark(), committed.ingested(),
				committed.lateDropped(), committed.deadLettered());
		status = IngestStatus.committed(committed, lag(), RecentLateness.Share.NONE);
		return committed;
	}

	/** Seeks these partitions to where {@code state} says reading goes on: its next offset, or the beginning. */
	private IngestState readFromStored(List<TopicPartition> toRead, IngestState state) {
		long now = System.nanoTime();
		for (TopicPartition partition : toRead) {
			Long next = state.nextOffsets().get(partition.partition());
			if (next == null) {
				consumer.seekToBeginning(List.of(partition));
			}
			else {
				consumer.seek(partition, next);
			}
			lastRecordAt.put(partition, now);
		}
		return state.withPartitions(partitionNumbers());
	}

	/**
	 * The state as the database has it, read until the database answers. After a failed write this is
	 * the only truth: a commit whose reply was lost did happen, and adding its batch again would
	 * count every record twice.
	 */
	private IngestState storedState() {
		while (true) {
			try {
				return store.load();
			}
			catch (RuntimeException ex) {
				if (!running) {
					throw new WakeupException();
				}
				log.warn("Could not read the ingest state from the database ({}); trying again in {}",
						NestedExceptionUtils.getMostSpecificCause(ex).getMessage(), settings.retryBackoff());
				status = status.retrying(ex);
				pause();
			}
		}
	}

	/**
	 * Applies one poll and commits it. When the database write fails, the state and offsets are read
	 * back from the database after a pause and reading goes on from there: nothing is skipped, and a
	 * batch that was committed after all is not applied twice.
	 */
	private IngestState ingest(ConsumerRecords<byte[], byte[]> records, IngestState committed) {
		IngestBatch batch = new IngestBatch(committed);
		for (ConsumerRecord<byte[], byte[]> record : records) {
			apply(record, batch);
		}
		long now = System.nanoTime();
		if (now - lastIngestAt > settings.idlePartitionTimeout().toNanos()) {
			// this process was paused (frozen, swapped out): no partition was watched meanwhile, none is idle yet
			partitions.forEach(partition -> lastRecordAt.put(partition, now));
		}
		lastIngestAt = now;
		records.partitions().forEach(partition -> lastRecordAt.put(partition, now));
		Map<TopicPartition, OptionalLong> lag = lag();
		batch.close(partitionNumbers(), idle(lag, now));
		if (!batch.changesState()) {
			status = status.unchanged(lag, lateness.share(now));
			return committed;
		}
		try {
			store.write(batch);
		}
		catch (RuntimeException ex) {
			log.error("Could not store {} records of topic '{}'; reading the stored state back and the records again in {}",
					batch.records(), kafka.topic(), settings.retryBackoff(), ex);
			status = status.retrying(ex);
			pause();
			IngestState stored = storedState();
			if (stored.nextOffsets().equals(batch.after().nextOffsets())) {
				log.info("The batch of {} records was stored after all (only the reply to its commit was lost)", batch.records());
				status = IngestStatus.committed(stored, lag, lateness.share(System.nanoTime()));
			}
			return readFromStored(partitions, stored);
		}
		lateness.add(now, batch.counted(), batch.lateDropped());
		IngestState after = batch.after();
		status = IngestStatus.committed(after, lag, lateness.share(now));
		return after;
	}

	private void apply(ConsumerRecord<byte[], byte[]> record, IngestBatch batch) {
		Transaction transaction;
		try {
			transaction = parser.parse(record.value());
		}
		catch (RejectedRecordException ex) {
			batch.deadLettered(record.partition(), record.offset(), DeadLetter.of(record, ex.getMessage()));
			deadLetterLog.warn("Record {}-{}@{} goes to '{}': {}", record.topic(), record.partition(), record.offset(),
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
	 * Every {@code partition-check-interval}, starts reading partitions added to the topic, from their
	 * beginning, with the stream's watermark (RisingWave's source discovers new splits the same way).
	 */
	private IngestState readNewPartitions(IngestState committed) {
		long now = System.nanoTime();
		if (now - partitionsCheckedAt < settings.partitionCheckInterval().toNanos()) {
			return committed;
		}
		partitionsCheckedAt = now;
		List<TopicPartition> current;
		try {
			current = topicPartitions();
		}
		catch (KafkaException ex) {
			log.debug("Could not look for new partitions of topic '{}'; looking again later", kafka.topic(), ex);
			return committed;
		}
		List<TopicPartition> added = new ArrayList<>(current);
		added.removeAll(partitions);
		if (added.isEmpty()) {
			return committed;
		}
		partitions = current;
		consumer.assign(partitions);
		log.info("Topic '{}' has {} new partitions {}: reading them from the beginning; records older than the watermark {} are late",
				kafka.topic(), added.size(), added, committed.watermark());
		return readFromStored(added, committed);
	}

	private List<TopicPartition> topicPartitions() {
		return consumer.partitionsFor(kafka.topic())
			.stream()
			.map(info -> new TopicPartition(info.topic(), info.partition()))
			.sorted(Comparator.comparingInt(TopicPartition::partition))
			.toList();
	}

	private List<Integer> partitionNumbers() {
		return partitions.stream().map(TopicPartition::partition).toList();
	}

	/**
	 * Partitions with nothing to read now and no records for the idle timeout. A lag of 0 alone is
	 * not enough: it is as old as the last fetch, and a partition read in smaller chunks than the
	 * others would then take their watermark and drop its own records still on the way.
	 */
	private List<Integer> idle(Map<TopicPartition, OptionalLong> lag, long now) {
		long timeout = settings.idlePartitionTimeout().toNanos();
		return partitions.stream()
			.filter(partition -> lag.get(partition).orElse(-1) == 0 && now - lastRecordAt.get(partition) >= timeout)
			.map(TopicPartition::partition)
			.toList();
	}

	private Map<TopicPartition, OptionalLong> lag() {
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
