package org.casinoloyalty.generator.publishing;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.StartupRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The generator never creates its topic by publishing into it: a broker that auto-creates topics
 * would give it its default partition count (one on Redpanda), and one member's events would no
 * longer spread over the partitions the design asks for. So before the first record (ticks begin
 * when the application is ready, after every runner) this waits, bounded, until the topic exists,
 * and fails the start-up when it never does. It creates nothing: in Docker mode the schema
 * initialiser has just made the topic, in local mode local-stack makes it, and against any other
 * broker whoever runs that broker does (docs/architecture.md, "Who sets up what").
 * Health component "topic": OUT_OF_SERVICE until the topic is there.
 */
@Component("topic")
@Order(1)
class TopicCheck implements ApplicationRunner, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(TopicCheck.class);

	private static final int MAX_ATTEMPTS = 30;

	private static final Duration INTERVAL = Duration.ofSeconds(2);

	private static final long TIMEOUT_MILLIS = 5_000;

	private final GeneratorProperties generator;
	private final Map<String, Object> adminConfig;
	private final String bootstrapServers;
	private final StartupRetry retry;
	private volatile Health health = Health.outOfService().withDetail("phase", "waiting to start").build();

	@Autowired
	TopicCheck(GeneratorProperties generator, KafkaAdmin kafkaAdmin, BrokerConnectionHealthIndicator broker) {
		this(generator, kafkaAdmin, broker, MAX_ATTEMPTS, INTERVAL);
	}

	TopicCheck(GeneratorProperties generator, KafkaAdmin kafkaAdmin, BrokerConnectionHealthIndicator broker, int maxAttempts, Duration interval) {
		this.generator = generator;
		this.adminConfig = kafkaAdmin.getConfigurationProperties();
		this.bootstrapServers = broker.bootstrapServers();
		this.retry = new StartupRetry(maxAttempts, interval);
	}

	@Override
	public void run(ApplicationArguments args) {
		String topic = generator.topic();
		health = Health.outOfService().withDetail("phase", "waiting for topic " + topic).build();
		TopicDescription description;
		try (AdminClient admin = AdminClient.create(adminConfig)) {
			description = retry.attempt("topic " + topic + " on the Kafka API broker at " + bootstrapServers, () -> describe(admin, topic));
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(ex.getMessage() + ". The generator does not create it: in Docker mode its schema initialiser "
					+ "does (CASINO_SCHEMA_ENABLED=true), in local mode local-stack does; against another broker create it first, with "
					+ generator.partitions() + " partitions (e.g. rpk topic create " + topic + " -p " + generator.partitions() + ")", ex);
		}
		int partitions = description.partitions().size();
		if (partitions != generator.partitions()) {
			log.warn("Topic {} has {} partitions, not the {} of casino.generator.partitions: each member's events stay on one partition, "
					+ "but readers see a different spread", topic, partitions, generator.partitions());
		}
		health = Health.up().withDetail("topic", topic).withDetail("partitions", partitions).build();
		log.info("Topic {} present with {} partitions", topic, partitions);
	}

	@Override
	public Health health() {
		return health;
	}

	private static TopicDescription describe(AdminClient admin, String topic) throws Exception {
		try {
			return admin.describeTopics(Set.of(topic)).allTopicNames().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).get(topic);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				throw new IllegalStateException("topic " + topic + " does not exist", ex.getCause());
			}
			throw ex;
		}
	}

}
