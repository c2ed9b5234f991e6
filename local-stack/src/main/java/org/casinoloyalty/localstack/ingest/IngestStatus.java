package org.casinoloyalty.localstack.ingest;

import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the ingest thread last reported, for the health endpoint.
 *
 * @param committed the state after the last committed batch; null before the first read
 * @param lag records not read yet, per partition (empty while the broker has not told)
 * @param lastCommit when the last batch was committed, or ingestion resumed
 * @param error why the last write failed (retrying) or ingestion stopped; null when all is well
 * @param recentLateness records counted and dropped as late over the last minute
 */
record IngestStatus(boolean running, IngestState committed, Map<TopicPartition, OptionalLong> lag, Instant lastCommit,
		Throwable error, RecentLateness.Share recentLateness) {

	static final IngestStatus STARTING = new IngestStatus(false, null, Map.of(), null, null, RecentLateness.Share.NONE);

	static IngestStatus committed(IngestState committed, Map<TopicPartition, OptionalLong> lag,
			RecentLateness.Share recentLateness) {
		return new IngestStatus(true, committed, lag, Instant.now(), null, recentLateness);
	}

	IngestStatus unchanged(Map<TopicPartition, OptionalLong> lag, RecentLateness.Share recentLateness) {
		return new IngestStatus(running, committed, lag, lastCommit, error, recentLateness);
	}

	IngestStatus retrying(Throwable error) {
		return new IngestStatus(running, committed, lag, lastCommit, error, recentLateness);
	}

	IngestStatus failed(Throwable error) {
		return new IngestStatus(false, committed, lag, lastCommit, error, recentLateness);
	}

	/** Records not read yet over all partitions, or null while any partition's lag is unknown. */
	Long totalLag() {
		long total = 0;
		for (OptionalLong partitionLag : lag.values()) {
			if (partitionLag.isEmpty()) {
				return null;
			}
			total += partitionLag.getAsLong();
		}
		return total;
	}

}
