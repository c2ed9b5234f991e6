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
 */
record IngestStatus(boolean running, IngestState committed, Map<TopicPartition, OptionalLong> lag, Instant lastCommit,
		Throwable error) {

	static final IngestStatus STARTING = new IngestStatus(false, null, Map.of(), null, null);

	IngestStatus withLag(Map<TopicPartition, OptionalLong> lag) {
		return new IngestStatus(running, committed, lag, lastCommit, error);
	}

	IngestStatus retrying(Throwable error) {
		return new IngestStatus(running, committed, lag, lastCommit, error);
	}

	IngestStatus failed(Throwable error) {
		return new IngestStatus(false, committed, lag, lastCommit, error);
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
