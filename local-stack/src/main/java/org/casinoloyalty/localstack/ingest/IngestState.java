package org.casinoloyalty.localstack.ingest;

import java.time.LocalDateTime;
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
 * @param deadLettered records that could not be parsed, sent to the dead-letter topic
 */
record IngestState(Map<Integer, Long> nextOffsets, Map<Integer, LocalDateTime> partitionWatermarks,
		LocalDateTime watermark, long ingested, long lateDropped, long deadLettered) {

	IngestState {
		nextOffsets = Map.copyOf(nextOffsets);
		partitionWatermarks = Map.copyOf(partitionWatermarks);
	}

}
