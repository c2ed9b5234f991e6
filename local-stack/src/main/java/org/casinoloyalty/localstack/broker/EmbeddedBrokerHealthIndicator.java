package org.casinoloyalty.localstack.broker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health component {@code broker}: UP while the embedded broker answers a cluster description. */
@Component("broker")
class EmbeddedBrokerHealthIndicator implements HealthIndicator {

	private final EmbeddedKafkaBroker broker;

	EmbeddedBrokerHealthIndicator(EmbeddedKafkaBroker broker) {
		this.broker = broker;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.unknown().withDetail("bootstrapServers", broker.bootstrapServers());
		try {
			return health.up().withDetail("clusterId", broker.clusterId()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return health.down(ex).build();
		}
		catch (Exception ex) {
			return health.down(ex).build();
		}
	}

}
