package org.casinoloyalty.generator.schema;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code retention.ms} of the events' topic: the raw events of Docker mode, since RisingWave's source stores none
 * (docs/decisions.md D23). Given to the topic when it is made, and set on a topic that exists with another
 * value, so that {@code casino.schema.raw-event-retention} decides at every start, as local mode's setting does.
 */
final class EventTopicRetention {

	private static final Logger log = LoggerFactory.getLogger(EventTopicRetention.class);

	private final Duration retention;
	private final String retentionMs;
	private final long timeoutMillis;

	EventTopicRetention(Duration retention, long timeoutMillis) {
		this.retention = retention;
		this.retentionMs = String.valueOf(retention.toMillis());
		this.timeoutMillis = timeoutMillis;
	}

	NewTopic onCreate(NewTopic topic) {
		return topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retentionMs));
	}

	/** On the topic itself (not the broker's default, which may change), and logged with the value it replaces. */
	void align(AdminClient admin, String topic) throws InterruptedException, ExecutionException, TimeoutException {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		ConfigEntry current = admin.describeConfigs(List.of(resource)).all().get(timeoutMillis, TimeUnit.MILLISECONDS)
			.get(resource).get(TopicConfig.RETENTION_MS_CONFIG);
		if (current != null && current.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
				&& retentionMs.equals(current.value())) {
			return;
		}
		admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
				new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, retentionMs), AlterConfigOp.OpType.SET))))
			.all().get(timeoutMillis, TimeUnit.MILLISECONDS);
		log.info("Topic {}: retention.ms was {}, set to {} (casino.schema.raw-event-retention {})", topic,
				current == null ? "unset" : current.value(), retentionMs, retention);
	}

}
