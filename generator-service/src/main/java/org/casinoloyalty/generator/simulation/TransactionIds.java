package org.casinoloyalty.generator.simulation;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transaction ids that stay unique across restarts and across generators sharing a roster: they start at
 * the start-up time in microseconds, rounded down to a multiple of the number of generators, and step by
 * that number from this generator's index. Generator {@code i} of {@code n} thus only issues ids equal to
 * {@code i} modulo {@code n}, and a restarted generator begins above every id it issued before unless it
 * ever averaged more than a million events per second divided by {@code n}.
 */
public class TransactionIds {

	private final AtomicLong next;

	private final long step;

	public TransactionIds(Clock clock, SimulationProperties.RosterShare share) {
		long start = clock.millis() * 1_000;
		this.step = share.count();
		this.next = new AtomicLong(start - Math.floorMod(start, step) + share.index());
	}

	/** The ids of a generator that plays the whole roster alone. */
	public TransactionIds(Clock clock) {
		this(clock, SimulationProperties.RosterShare.WHOLE);
	}

	public long next() {
		return next.getAndAdd(step);
	}

}
