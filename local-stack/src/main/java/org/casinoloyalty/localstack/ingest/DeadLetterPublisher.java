package org.casinoloyalty.localstack.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Sends records that cannot be parsed to the dead-letter topic: original key, value and headers,
 * plus the reason and the record's origin as UTF-8 text headers. {@link #awaitSent()} runs before
 * the batch's database commit, so a record is never marked consumed before its copy is stored;
 * after a crash between the two it may be sent twice (at least once).
 */
class DeadLetterPublisher implements AutoCloseable {

	static final String REASON = "dlt-reason";
	static final String ORIGINAL_TOPIC = "dlt-original-topic";
	static final String ORIGINAL_PARTITION = "dlt-original-partition";
	static final String ORIGINAL_OFFSET = "dlt-original-offset";

	private final KafkaProducer<byte[], byte[]> producer;
	private final String topic;
	private final List<Future<RecordMetadata>> pending = new ArrayList<>();

	DeadLetterPublisher(String bootstrapServers, String topic) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.CLIENT_ID_CONFIG, "local-stack-dead-letters"),
				new ByteArraySerializer(), new ByteArraySerializer());
		this.topic = topic;
	}

	void send(ConsumerRecord<byte[], byte[]> record, String reason) {
		RecordHeaders headers = new RecordHeaders(record.headers().toArray());
		headers.add(REASON, utf8(reason));
		headers.add(ORIGINAL_TOPIC, utf8(record.topic()));
		headers.add(ORIGINAL_PARTITION, utf8(String.valueOf(record.partition())));
		headers.add(ORIGINAL_OFFSET, utf8(String.valueOf(record.offset())));
		pending.add(producer.send(new ProducerRecord<>(topic, null, null, record.key(), record.value(), headers)));
	}

	void awaitSent() {
		try {
			for (Future<RecordMetadata> send : pending) {
				send.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending to " + topic, ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not send to the dead-letter topic " + topic, ex.getCause());
		}
		finally {
			pending.clear();
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		producer.close();
	}

}
