package org.casinoloyalty.generator.publishing;

import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.simulation.TransactionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends records as JSON, keyed by member id so each member's events stay in order on one partition.
 * Heartbeats carry no member and so no key. Counts every record sent, acknowledged and failed.
 * It sends on the factory's shared producer rather than through a KafkaTemplate: the template's
 * per-record future and wrapping cost about a tenth of the top throughput (make bench-generator).
 */
@Component
public class TransactionPublisher {

	private static final Logger log = LoggerFactory.getLogger(TransactionPublisher.class);

	private final Producer<String, byte[]> producer;
	private final JsonMapper json;
	private final String topic;
	private final AtomicLong sent = new AtomicLong();
	private final AtomicLong acknowledged = new AtomicLong();
	private final AtomicLong failed = new AtomicLong();
	private final AtomicLong heartbeats = new AtomicLong();
	private final AtomicLong acknowledgedEvents = new AtomicLong();

	public TransactionPublisher(ProducerFactory<String, byte[]> producers, JsonMapper json, GeneratorProperties properties) {
		this.producer = producers.createProducer();
		this.json = json;
		this.topic = properties.topic();
	}

	public void publish(TransactionEvent event) {
		boolean heartbeat = TransactionEvent.HEARTBEAT.equals(event.transactionType());
		String key = event.memberId() == null ? null : event.memberId().toString();
		byte[] value = json.writeValueAsBytes(event);
		sent.incrementAndGet();
		if (heartbeat) {
			heartbeats.incrementAndGet();
		}
		try {
			producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
				if (error == null) {
					acknowledged.incrementAndGet();
					if (!heartbeat) {
						acknowledgedEvents.incrementAndGet();
					}
				}
				else {
					recordFailure(error);
				}
			});
		}
		catch (RuntimeException ex) {
			// send() itself throws when the broker's metadata does not arrive within max.block.ms
			recordFailure(ex);
		}
	}

	private void recordFailure(Throwable error) {
		long failures = failed.incrementAndGet();
		// one line per power of two keeps an outage visible without flooding the log
		if (Long.bitCount(failures) == 1) {
			log.warn("Could not publish to topic {} ({} failed so far): {}", topic, failures, error.getMessage());
		}
	}

	public PublishCounters counters() {
		return new PublishCounters(sent.get(), acknowledged.get(), failed.get(), heartbeats.get());
	}

	/** Play events (bets and wins, not heartbeats) the broker has acknowledged: what the measured rate counts. */
	long acknowledgedEvents() {
		return acknowledgedEvents.get();
	}

	/**
	 * @param sent records handed to the producer, heartbeats included
	 * @param acknowledged records the broker acknowledged
	 * @param failed records the producer gave up on
	 * @param heartbeats heartbeat records among those sent
	 */
	public record PublishCounters(long sent, long acknowledged, long failed, long heartbeats) {
	}

}
