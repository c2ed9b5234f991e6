package org.casinoloyalty.generator.publishing;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Actuator health "broker": UP when the Kafka API broker answers describeCluster within a short
 * timeout. A background probe asks every {@link #PROBE_EVERY}; health, {@code /status} and
 * {@code /health} read its last answer, so they answer at once even while the broker is down (a
 * probe per call would hold each for the whole timeout).
 */
@Component("broker")
public class BrokerConnectionHealthIndicator implements HealthIndicator, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(BrokerConnectionHealthIndicator.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	static final Duration PROBE_EVERY = Duration.ofSeconds(2);

	private final AdminClient admin;
	private final String bootstrapServers;
	private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("broker-probe").daemon().factory());
	private volatile Health last = Health.unknown().withDetail("probe", "not answered yet").build();

	public BrokerConnectionHealthIndicator(KafkaAdmin kafkaAdmin) {
		var config = kafkaAdmin.getConfigurationProperties();
		this.admin = AdminClient.create(config);
		Object servers = config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
		this.bootstrapServers = servers instanceof Collection<?> list
				? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(servers);
		probe.scheduleWithFixedDelay(this::ask, 0, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The last answer of the probe. */
	@Override
	public Health health() {
		return last;
	}

	private void ask() {
		Health.Builder builder = new Health.Builder();
		try {
			check(builder);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			builder.down(ex).withDetail("bootstrapServers", bootstrapServers);
		}
		Health now = builder.build();
		if (!now.getStatus().equals(last.getStatus())) {
			log.info("Kafka API broker at {} is {}", bootstrapServers, now.getStatus());
		}
		last = now;
	}

	private void check(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
		int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up()
			.withDetail("bootstrapServers", bootstrapServers)
			.withDetail("clusterId", cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
			.withDetail("nodes", nodes);
	}

	/** The configured bootstrap servers, as the status endpoint reports them. */
	public String bootstrapServers() {
		return bootstrapServers;
	}

	/** Whether the probe's last answer was UP. */
	public boolean isReachable() {
		return Status.UP.equals(last.getStatus());
	}

	@Override
	public void close() {
		probe.shutdownNow();
		admin.close(Duration.ofSeconds(1));
	}

}
