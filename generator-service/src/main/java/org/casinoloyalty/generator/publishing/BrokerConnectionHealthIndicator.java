package org.casinoloyalty.generator.publishing;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

/** Actuator health "broker": UP when the Kafka API broker answers describeCluster within a short timeout. */
@Component("broker")
public class BrokerConnectionHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final AdminClient admin;
	private final String bootstrapServers;

	public BrokerConnectionHealthIndicator(KafkaAdmin kafkaAdmin) {
		super("Kafka API broker not reachable");
		var config = kafkaAdmin.getConfigurationProperties();
		this.admin = AdminClient.create(config);
		Object servers = config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
		this.bootstrapServers = servers instanceof Collection<?> list
				? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(servers);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
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

	/** UP or DOWN, checked now. */
	public boolean isReachable() {
		return "UP".equals(health(false).getStatus().getCode());
	}

	@Override
	public void close() {
		admin.close(Duration.ofSeconds(1));
	}

}
