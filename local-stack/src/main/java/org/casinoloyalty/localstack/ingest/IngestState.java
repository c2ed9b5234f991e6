package org.casinoloyalty.localstack.ingest;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the database holds about ingestion after the last committed batch.
 *
 * @param nextOffsets the next offset to read, per partition
 * @param partitionWatermarks per partition: max event time read from it − 10 s, raised to the
 *        highest of them while the partition is idle
 * @param watermark the stream's watermark, the lowest partition watermark: windows that end at or
 *        before it are closed
 * @param ingested records stored in {@code gaming_transactions} (heartbeats and late records included)
 * @param lateDropped bet and win records older than their partition's watermark, counted nowhere
 * @param deadLettered records that could not be parsed, handed to the dead-letter topic
 */
record IngestState(Map<Integer, Long> nextOffsets, Map<Integer, LocalDateTime> partitionWatermarks,
		LocalDateTime watermark, long ingested, long lateDropped, long deadLettered) {

	IngestState {
		nextOffsets = Map.copyOf(nextOffsets);
		partitionWatermarks = Map.copyOf(partitionWatermarks);
	}

	/**
	 * This state for a topic with these partitions: one with no watermark of its own while the stream
	 * has one was added to the topic after ingestion began (while every partition had none, the
	 * stream's watermark could not move). It starts at the stream's watermark, so its first records
	 * are late rather than reopen a window whose offers already went out.
	 */
	IngestState withPartitions(Collection<Integer> partitions) {
		if (watermark == null) {
			return this;
		}
		Map<Integer, LocalDateTime> watermarks = new HashMap<>(partitionWatermarks);
		partitions.forEach(partition -> watermarks.putIfAbsent(partition, watermark));
		return new IngestState(nextOffsets, watermarks, watermark, ingested, lateDropped, deadLettered);
	}

}
