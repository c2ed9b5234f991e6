package org.casinoloyalty.localstack.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.broker.EmbeddedKafkaBroker;
import org.casinoloyalty.localstack.database.LocalSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Relays {@code local_stack.outbox} to Kafka, the local stand-in for RisingWave's sinks: oldest
 * first, each record with its key and headers on its topic, through an idempotent producer. A
 * record leaves the outbox only once the broker has acknowledged it, so a crash loses none; one
 * between the acknowledgement and the delete sends that round again at the next start (at least
 * once, as RisingWave's Kafka sink; consumers dedupe by {@code offer_id}, docs/decisions.md D20).
 *
 * <p>An error that is the broker's or the topic's (unreachable, a leader moving, a topic missing) is
 * the same for every record: the round is tried again after the backoff, however long that lasts. A
 * record the broker refuses for itself (too large, say) is tried {@code max-attempts} times and then
 * parked, kept in the outbox with its error, so that the records behind it go on (D21).
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	record OutboxRecord(long id, String topic, byte[] key, byte[] payload, RecordHeaders headers, int attempts) {
	}

	private record Refusal(OutboxRecord record, Throwable error) {
	}

	private static final String ROUND = """
			SELECT id, topic, record_key, payload, header_names, header_values, attempts FROM local_stack.outbox
			WHERE failed_at IS NULL ORDER BY id LIMIT ?""";

	private static final String FAILED_ATTEMPT = """
			UPDATE local_stack.outbox SET attempts = attempts + 1, failure = ?,
			  failed_at = CASE WHEN attempts + 1 >= ? THEN now() END
			WHERE id = ?""";

	/**
	 * Errors about the record itself. Any other error (the broker away, a topic missing or not allowed,
	 * the producer closed) is the same for every record: nothing is counted, the round waits and goes again.
	 */
	private static final List<Class<? extends Throwable>> REFUSED_FOR_ITSELF = List.of(RecordTooLargeException.class,
			RecordBatchTooLargeException.class, InvalidRecordException.class);

	private static final RowMapper<OutboxRecord> RECORD = (rs, row) -> new OutboxRecord(rs.getLong("id"),
			rs.getString("topic"), rs.getBytes("record_key"), rs.getBytes("payload"),
			headers(rs.getArray("header_names"), rs.getArray("header_values")), rs.getInt("attempts"));

	private final JdbcClient sql;
	private final KafkaProducer<byte[], byte[]> producer;
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
				new ByteArraySerializer(), new ByteArraySerializer());
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

	/**
	 * @param pending records waiting to be relayed
	 * @param parked records the broker refused {@code max-attempts} times, kept in the outbox for the operator
	 */
	record Backlog(long pending, long parked) {
	}

	Backlog backlog() {
		return sql.sql("""
				SELECT count(*) FILTER (WHERE failed_at IS NULL) AS pending, count(*) FILTER (WHERE failed_at IS NOT NULL) AS parked
				FROM local_stack.outbox""").query(Backlog.class).single();
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

	/**
	 * Sends the oldest records, waits for every answer, deletes those acknowledged and notes an attempt
	 * on those refused for themselves.
	 * @return how many records the broker took
	 * @throws IllegalStateException when a record failed for a reason not its own (the broker away, say), after
	 *         the acknowledged ones were deleted
	 */
	int relayOnce() throws InterruptedException {
		List<OutboxRecord> round = sql.sql(ROUND).param(settings.batchSize()).query(RECORD).list();
		if (round.isEmpty()) {
			return 0;
		}
		List<Future<RecordMetadata>> sends = round.stream()
			.map(record -> producer.send(new ProducerRecord<>(record.topic(), null, null, record.key(), record.payload(),
					record.headers())))
			.toList();
		producer.flush();
		List<Long> acknowledged = new ArrayList<>();
		List<Refusal> refusedForThemselves = new ArrayList<>();
		Throwable unreachable = null;
		for (int i = 0; i < round.size(); i++) {
			try {
				sends.get(i).get();
				acknowledged.add(round.get(i).id());
			}
			catch (ExecutionException ex) {
				if (REFUSED_FOR_ITSELF.stream().anyMatch(kind -> kind.isInstance(ex.getCause()))) {
					refusedForThemselves.add(new Refusal(round.get(i), ex.getCause()));
				}
				else {
					unreachable = ex.getCause();
				}
			}
		}
		// by id, not "up to the highest": a transaction that took a lower id may commit after this read
		sql.sql("DELETE FROM local_stack.outbox WHERE id = ANY(?)").param(acknowledged.toArray(Long[]::new)).update();
		refusedForThemselves.forEach(this::noteAttempt);
		relayed.addAndGet(acknowledged.size());
		if (unreachable != null) {
			throw new IllegalStateException("The broker did not take " + (round.size() - acknowledged.size() - refusedForThemselves.size())
					+ " of " + round.size() + " outbox records", unreachable);
		}
		lastRelay = Instant.now();
		return acknowledged.size();
	}

	private void noteAttempt(Refusal refusal) {
		OutboxRecord record = refusal.record();
		sql.sql(FAILED_ATTEMPT).param(refusal.error().toString()).param(settings.maxAttempts()).param(record.id()).update();
		if (record.attempts() + 1 >= settings.maxAttempts()) {
			log.error("Outbox record {} for topic '{}' parked after {} attempts: {}. It stays in local_stack.outbox;"
					+ " see docs/operations.md, \"Parked outbox records\"", record.id(), record.topic(),
					settings.maxAttempts(), refusal.error().toString());
		}
		else {
			log.warn("The broker refused outbox record {} for topic '{}' (attempt {} of {}): {}", record.id(),
					record.topic(), record.attempts() + 1, settings.maxAttempts(), refusal.error().toString());
		}
	}

	private static RecordHeaders headers(Array names, Array values) throws SQLException {
		RecordHeaders headers = new RecordHeaders();
		if (names != null) {
			String[] keys = (String[]) names.getArray();
			byte[][] bytes = (byte[][]) values.getArray();
			for (int i = 0; i < keys.length; i++) {
				headers.add(keys[i], bytes[i]);
			}
		}
		return headers;
	}

}
