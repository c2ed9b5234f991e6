package org.casinoloyalty.localstack.outbox;

import org.casinoloyalty.localstack.DegradedStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Health component {@code outbox}: UP while offers, redemptions and dead letters reach their topics,
 * DEGRADED while records the broker refused are parked, DOWN while the relay fails.
 */
@Component("outbox")
class OutboxHealthIndicator implements HealthIndicator {

	private final OutboxRelay relay;

	OutboxHealthIndicator(OutboxRelay relay) {
		this.relay = relay;
	}

	@Override
	public Health health() {
		RuntimeException failure = relay.lastFailure();
		Health.Builder health = relay.relaying() && failure == null ? Health.up() : Health.down();
		health.withDetail("relayed", relay.relayed()).withDetail("lastRelay", String.valueOf(relay.lastRelay()));
		try {
			OutboxRelay.Backlog backlog = relay.backlog();
			health.withDetail("pending", backlog.pending()).withDetail("parked", backlog.parked());
			if (backlog.parked() > 0 && failure == null && relay.relaying()) {
				health.status(DegradedStatus.DEGRADED).withDetail("warning", backlog.parked() + " records the broker refused are parked in"
						+ " local_stack.outbox (docs/operations.md, \"Parked outbox records\")");
			}
		}
		catch (RuntimeException ex) {
			health.withDetail("pending", "unknown");
		}
		if (failure != null) {
			health.withDetail("error", NestedExceptionUtils.getMostSpecificCause(failure).toString());
		}
		return health.build();
	}

}
