package org.casinoloyalty.localstack.ingest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bet and win records counted and dropped as late over a sliding window, batch by batch. A steady
 * share of late drops while events arrive means the watermark runs ahead of them (a producer's clock
 * behind, an event from the future let in): health says so instead of staying UP. Ingest thread only.
 */
final class RecentLateness {

	/** What the window holds now. */
	record Share(long counted, long late) {

		static final Share NONE = new Share(0, 0);

		/** At least 10 drops, and more than 1 in 100 of the records read: more than ordinary disorder. */
		boolean alarming() {
			return late >= 10 && late * 100 > counted + late;
		}

	}

	private record Entry(long at, long counted, long late) {
	}

	private final long windowNanos;
	private final Deque<Entry> entries = new ArrayDeque<>();
	private long counted;
	private long late;

	RecentLateness(Duration window) {
		this.windowNanos = window.toNanos();
	}

	/** @param now System.nanoTime() */
	void add(long now, long countedInBatch, long lateInBatch) {
		if (countedInBatch > 0 || lateInBatch > 0) {
			entries.addLast(new Entry(now, countedInBatch, lateInBatch));
			counted += countedInBatch;
			late += lateInBatch;
		}
	}

	/** @param now System.nanoTime() */
	Share share(long now) {
		while (!entries.isEmpty() && now - entries.peekFirst().at() > windowNanos) {
			Entry old = entries.removeFirst();
			counted -= old.counted();
			late -= old.late();
		}
		return new Share(counted, late);
	}

}
