package org.casinoloyalty.localstack;

import org.springframework.boot.health.contributor.Status;

/**
 * Health status DEGRADED: the stack works, and something an operator should look at has happened.
 * application.yml orders it between DOWN and UP, and Actuator answers 200 for it.
 */
public final class DegradedStatus {

	public static final Status DEGRADED = new Status("DEGRADED");

	private DegradedStatus() {
	}

}
