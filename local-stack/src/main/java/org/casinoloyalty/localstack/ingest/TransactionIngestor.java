package org.casinoloyalty.localstack.ingest;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.broker.EmbeddedKafkaBroker;
import org.casinoloyalty.localstack.database.LocalSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads topic {@code gaming-transactions} into table {@code gaming_transactions}, the way
 * RisingWave's Kafka source feeds its materialized views.
 */
@Component
class TransactionIngestor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TransactionIngestor.class);

	private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

	private static final String INSERT = """
			INSERT INTO gaming_transactions
			  (transaction_id, member_id, member_name, transaction_type, amount, game_type, transaction_time)
			VALUES (?, ?, ?, ?, ?, ?, ?)""";

	private final KafkaConsumer<String, String> consumer;
	private final JdbcTemplate jdbc;
	private final JsonMapper json;
	private final String topic;
	private volatile boolean running;
	private Thread thread;

	TransactionIngestor(EmbeddedKafkaBroker broker, JdbcTemplate jdbc, JsonMapper json, LocalStackProperties properties,
			LocalSchema schema) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "local-stack-ingest", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
		this.jdbc = jdbc;
		this.json = json;
		this.topic = properties.kafka().topic();
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().name("ingest-" + topic).start(this::run);
	}

	@Override
	public void stop() {
		running = false;
		consumer.wakeup();
		try {
			thread.join(Duration.ofSeconds(10));
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
		consumer.subscribe(List.of(topic));
		try {
			while (running) {
				ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
				if (!records.isEmpty()) {
					store(records);
					consumer.commitSync();
				}
			}
		}
		catch (WakeupException ex) {
			// stop() asked us to leave the poll
		}
		finally {
			consumer.close();
		}
	}

	private void store(ConsumerRecords<String, String> records) {
		List<Object[]> rows = new ArrayList<>(records.count());
		for (ConsumerRecord<String, String> record : records) {
			try {
				JsonNode event = json.readTree(record.value());
				rows.add(new Object[] { event.get("transaction_id").asLong(), nullableLong(event.get("member_id")),
						text(event.get("member_name")), text(event.get("transaction_type")),
						event.hasNonNull("amount") ? event.get("amount").decimalValue() : null,
						text(event.get("game_type")),
						Timestamp.valueOf(LocalDateTime.parse(event.get("transaction_time").asString(), EVENT_TIME)) });
			}
			catch (RuntimeException ex) {
				log.warn("Skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), ex.getMessage());
			}
		}
		jdbc.batchUpdate(INSERT, rows);
	}

	private static Long nullableLong(JsonNode node) {
		return node == null || node.isNull() ? null : node.asLong();
	}

	private static String text(JsonNode node) {
		return node == null || node.isNull() ? null : node.asString();
	}

}
