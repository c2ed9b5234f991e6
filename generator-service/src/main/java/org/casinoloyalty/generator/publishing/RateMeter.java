package org.casinoloyalty.generator.publishing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Events per second over a sliding window, from samples of a growing counter:
 * (count now − count at the window's oldest sample) / time between them.
 */
final class RateMeter {

	private record Sample(long nanos, long count) {
	}

	private final long windowNanos;
	private final Deque<Sample> samples = new ArrayDeque<>();

	RateMeter(long windowNanos) {
		this.windowNanos = windowNanos;
	}

	synchronized void record(long nanos, long count) {
		samples.addLast(new Sample(nanos, count));
		while (samples.size() > 2 && samples.peekFirst().nanos() < nanos - windowNanos) {
			samples.removeFirst();
		}
	}

	synchronized double eventsPerSecond() {
		if (samples.size() < 2) {
			return 0;
		}
		Sample first = samples.peekFirst();
		Sample last = samples.peekLast();
		long span = last.nanos() - first.nanos();
		return span <= 0 ? 0 : (last.count() - first.count()) * 1e9 / span;
	}

}
