package org.casinoloyalty.localstack.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.broker.EmbeddedKafkaBroker;
import org.casinoloyalty.localstack.database.LocalSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Relays {@code local_stack.outbox} to Kafka, the local stand-in for RisingWave's sinks: oldest
 * first, each record with its key on its topic, through an idempotent producer. A round's records
 * leave the outbox only once the broker has acknowledged every one of them, so a crash loses none;
 * one between the acknowledgement and the delete sends that round again at the next start (at least
 * once, as RisingWave's Kafka sink; consumers dedupe by {@code offer_id}, docs/decisions.md D20).
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	record OutboxRecord(long id, String topic, String recordKey, String payload) {
	}

	private final JdbcClient sql;
	private final KafkaProducer<String, String> producer;
	private final LocalStackProperties.Outbox settings;
	private final AtomicLong relayed = new AtomicLong();
	private volatile boolean running;
	private volatile Instant lastRelay;
	private volatile RuntimeException lastFailure;
	private Thread thread;

	/** Takes the schema so that the outbox exists before the first read. */
	OutboxRelay(DataSource dataSource, EmbeddedKafkaBroker broker, LocalStackProperties properties, LocalSchema schema) {
		this.sql = JdbcClient.create(dataSource);
		this.settings = properties.outbox();
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ProducerConfig.CLIENT_ID_CONFIG, "local-stack-outbox", ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0),
				new StringSerializer(), new StringSerializer());
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().name("outbox-relay").start(this::run);
	}

	@Override
	public void stop() {
		running = false;
		thread.interrupt();
		try {
			thread.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		producer.close(Duration.ofSeconds(5));
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** False once the relay thread has ended, whatever ended it (an Error too). */
	boolean relaying() {
		return thread != null && thread.isAlive();
	}

	long relayed() {
		return relayed.get();
	}

	long pending() {
		return sql.sql("SELECT count(*) FROM local_stack.outbox").query(Long.class).single();
	}

	Instant lastRelay() {
		return lastRelay;
	}

	RuntimeException lastFailure() {
		return lastFailure;
	}

	private void run() {
		while (running) {
			try {
				int sent = relayOnce();
				if (lastFailure != null) {
					log.info("Outbox relay working again");
					lastFailure = null;
				}
				if (sent == 0) {
					Thread.sleep(settings.pollInterval());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (lastFailure == null) {
					log.warn("Could not relay the outbox; trying again every {}", settings.retryBackoff(), ex);
				}
				lastFailure = ex;
				try {
					Thread.sleep(settings.retryBackoff());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** Sends the oldest records, waits for every acknowledgement, then deletes exactly those. */
	int relayOnce() throws InterruptedException {
		List<OutboxRecord> round = sql.sql("SELECT id, topic, record_key, payload FROM local_stack.outbox ORDER BY id LIMIT ?")
			.param(settings.batchSize())
			.query(OutboxRecord.class)
			.list();
		if (round.isEmpty()) {
			return 0;
		}
		List<Future<RecordMetadata>> sends = round.stream()
			.map(record -> producer.send(new ProducerRecord<>(record.topic(), record.recordKey(), record.payload())))
			.toList();
		producer.flush();
		try {
			for (Future<RecordMetadata> send : sends) {
				send.get();
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The broker did not take " + round.size() + " outbox records", ex.getCause());
		}
		// by id, not "up to the highest": a transaction that took a lower id may commit after this read
		sql.sql("DELETE FROM local_stack.outbox WHERE id = ANY(?)")
			.param(round.stream().map(OutboxRecord::id).toArray(Long[]::new))
			.update();
		relayed.addAndGet(round.size());
		lastRelay = Instant.now();
		return round.size();
	}

}
