package org.casinoloyalty.generator.publishing;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * When each partition of the topic last got a record from this generator. The engines keep one
 * watermark per partition and close a window only when the lowest has passed its end, so a partition
 * left without records holds every window open (RisingWave until the partition counts as idle):
 * heartbeats go to the partitions that had nothing for an interval, not to one of them.
 */
final class PartitionActivity {

	private final ConcurrentHashMap<Integer, Long> lastRecordNanos = new ConcurrentHashMap<>();

	void recorded(int partition, long nanos) {
		lastRecordNanos.merge(partition, nanos, Math::max);
	}

	/** Partitions 0 to {@code partitions} − 1 that had no record in the last {@code intervalNanos}, or never had one. */
	List<Integer> idle(int partitions, long nowNanos, long intervalNanos) {
		return IntStream.range(0, partitions)
			.filter(partition -> {
				Long last = lastRecordNanos.get(partition);
				return last == null || nowNanos - last >= intervalNanos;
			})
			.boxed()
			.toList();
	}

}
