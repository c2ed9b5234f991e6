package org.casinoloyalty.generator.simulation;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transaction ids that stay unique across restarts: they start at the start-up time in
 * microseconds and count up, so a restarted generator begins above every id it issued before
 * unless it ever averaged more than a million events per second.
 */
public class TransactionIds {

	private final AtomicLong next;

	public TransactionIds(Clock clock) {
		this.next = new AtomicLong(clock.millis() * 1_000);
	}

	public long next() {
		return next.getAndIncrement();
	}

}
