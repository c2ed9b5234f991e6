package org.casinoloyalty.generator.publishing;

import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.simulation.TransactionEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.atomic.AtomicLong;

/** Sends events as JSON, keyed by member id so each member's events stay in order on one partition. */
@Component
public class TransactionPublisher {

	private final KafkaTemplate<String, String> kafka;
	private final JsonMapper json;
	private final String topic;
	private final AtomicLong sent = new AtomicLong();
	private final AtomicLong acknowledged = new AtomicLong();
	private final AtomicLong failed = new AtomicLong();

	public TransactionPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, GeneratorProperties properties) {
		this.kafka = kafka;
		this.json = json;
		this.topic = properties.topic();
	}

	public void publish(TransactionEvent event) {
		String key = event.memberId() == null ? null : event.memberId().toString();
		sent.incrementAndGet();
		kafka.send(topic, key, json.writeValueAsString(event)).whenComplete((result, error) -> {
			if (error == null) {
				acknowledged.incrementAndGet();
			}
			else {
				failed.incrementAndGet();
			}
		});
	}

	public PublishCounters counters() {
		return new PublishCounters(sent.get(), acknowledged.get(), failed.get());
	}

	public record PublishCounters(long sent, long acknowledged, long failed) {
	}

}
