package org.casinoloyalty.generator.publishing;

import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.simulation.TransactionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Sends records as JSON, keyed by member id so each member's events stay in order on one partition.
 * Heartbeats carry no member and so no key: each goes to a partition of its own choosing, one that
 * had no record for a while ({@link PartitionActivity}). Counts every record sent, acknowledged and failed.
 * It sends on the factory's shared producer rather than through a KafkaTemplate: the template's
 * per-record future and wrapping cost about a tenth of the top throughput (make bench-generator).
 */
@Component
public class TransactionPublisher {

	private static final Logger log = LoggerFactory.getLogger(TransactionPublisher.class);

	private static final long PARTITIONS_REREAD_NANOS = Duration.ofSeconds(30).toNanos();

	private static final long PARTITIONS_RETRY_NANOS = Duration.ofSeconds(1).toNanos();

	private final Producer<String, byte[]> producer;
	private final JsonMapper json;
	private final String topic;
	private final AtomicLong sent = new AtomicLong();
	private final AtomicLong acknowledged = new AtomicLong();
	private final AtomicLong failed = new AtomicLong();
	private final AtomicLong heartbeats = new AtomicLong();
	private final AtomicLong acknowledgedEvents = new AtomicLong();
	private final PartitionActivity activity = new PartitionActivity();
	private final LongSupplier nanoTime;
	private volatile int partitionCount;
	private volatile long partitionCountReadNanos;
	private volatile boolean partitionsAsked;

	@Autowired
	public TransactionPublisher(ProducerFactory<String, byte[]> producers, JsonMapper json, GeneratorProperties properties) {
		this(producers.createProducer(), json, properties, System::nanoTime);
	}

	/** On a producer and a nanosecond source of its own, for tests. */
	TransactionPublisher(Producer<String, byte[]> producer, JsonMapper json, GeneratorProperties properties,
			LongSupplier nanoTime) {
		this.producer = producer;
		this.json = json;
		this.topic = properties.topic();
		this.nanoTime = nanoTime;
	}

	/** Sends a play event, on its member's partition. */
	public void publish(TransactionEvent event) {
		send(new ProducerRecord<>(topic, event.memberId() == null ? null : event.memberId().toString(),
				json.writeValueAsBytes(event)), false);
	}

	/**
	 * Sends a heartbeat to every partition that had no record in the last {@code interval}, so each
	 * partition's watermark keeps up with the clock while play is stopped, slow, or skips a partition.
	 *
	 * @return how many heartbeats it sent
	 */
	public int heartbeatIdlePartitions(Supplier<TransactionEvent> heartbeat, Duration interval) {
		long now = nanoTime.getAsLong();
		int sentNow = 0;
		for (int partition : activity.idle(partitionCount(now), now, interval.toNanos())) {
			activity.recorded(partition, now);
			send(new ProducerRecord<>(topic, partition, null, json.writeValueAsBytes(heartbeat.get())), true);
			sentNow++;
		}
		return sentNow;
	}

	private void send(ProducerRecord<String, byte[]> record, boolean heartbeat) {
		long sentAt = nanoTime.getAsLong();
		sent.incrementAndGet();
		if (heartbeat) {
			heartbeats.incrementAndGet();
		}
		try {
			producer.send(record, (metadata, error) -> {
				if (error == null) {
					activity.recorded(metadata.partition(), sentAt);
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

	/**
	 * The topic's partition count from the producer's metadata, read again every half minute so that
	 * partitions added at run time get heartbeats too; the last count while the broker does not answer.
	 */
	private int partitionCount(long now) {
		// unknown yet (the broker never answered): ask once a second, not at every 10 ms tick (each may block)
		long every = partitionCount == 0 ? PARTITIONS_RETRY_NANOS : PARTITIONS_REREAD_NANOS;
		if (!partitionsAsked || now - partitionCountReadNanos >= every) {
			partitionsAsked = true;
			partitionCountReadNanos = now;
			try {
				partitionCount = producer.partitionsFor(topic).size();
			}
			catch (RuntimeException ex) {
				log.debug("Partitions of {} unknown for now: {}", topic, ex.getMessage());
			}
		}
		return partitionCount;
	}

	private void recordFailure(Throwable error) {
		long failures = failed.incrementAndGet();
		// one line per power of two keeps an outage visible without flooding the log
		if (Long.bitCount(failures) == 1) {
			log.warn("Could not publish to topic {} ({} failed so far): {}", topic, failures, error.getMessage());
		}
	}

	/** Answered ones read before {@code sent}: heartbeats go on while it reads, and answered must never exceed sent. */
	public PublishCounters counters() {
		long acknowledgedNow = acknowledged.get();
		long failedNow = failed.get();
		long heartbeatsNow = heartbeats.get();
		return new PublishCounters(sent.get(), acknowledgedNow, failedNow, heartbeatsNow);
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
