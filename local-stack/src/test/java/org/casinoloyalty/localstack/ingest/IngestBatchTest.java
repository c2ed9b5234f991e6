package org.casinoloyalty.localstack.ingest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IngestBatchTest {

	private static final IngestState EMPTY = new IngestState(Map.of(), Map.of(), null, 0, 0, 0);

	@Test
	void windowsAreFiveMinutesAlignedToTheEpoch() {
		assertThat(IngestBatch.windowStart(LocalDateTime.parse("2026-01-01T10:04:59.999999")))
			.isEqualTo(LocalDateTime.parse("2026-01-01T10:00:00"));
		assertThat(IngestBatch.windowStart(LocalDateTime.parse("2026-01-01T10:05:00")))
			.isEqualTo(LocalDateTime.parse("2026-01-01T10:05:00"));
		assertThat(IngestBatch.windowStart(LocalDateTime.parse("1969-12-31T23:58:00")))
			.isEqualTo(LocalDateTime.parse("1969-12-31T23:55:00"));
	}

	@Test
	void lateMeansOlderThanTheRecordsOwnPartitionsWatermark() {
		IngestBatch batch = new IngestBatch(EMPTY);
		assertThat(batch.accept(0, 0, bet("10:01:00"))).isEqualTo(IngestBatch.Outcome.COUNTED);
		assertThat(batch.accept(1, 0, bet("10:00:00"))).isEqualTo(IngestBatch.Outcome.COUNTED);
		assertThat(batch.accept(0, 1, bet("10:00:49.999"))).isEqualTo(IngestBatch.Outcome.LATE);
		assertThat(batch.accept(0, 2, bet("10:00:50"))).isEqualTo(IngestBatch.Outcome.COUNTED);
		assertThat(batch.accept(0, 3, heartbeat("10:00:00"))).isEqualTo(IngestBatch.Outcome.HEARTBEAT);

		batch.close(List.of(0, 1), List.of());
		IngestState after = batch.after();
		assertThat(after.partitionWatermarks()).containsEntry(0, time("10:00:50")).containsEntry(1, time("09:59:50"));
		assertThat(after.watermark()).isEqualTo(time("09:59:50"));
		assertThat(after.nextOffsets()).containsEntry(0, 4L).containsEntry(1, 1L);
		assertThat(after.ingested()).isEqualTo(5);
		assertThat(after.lateDropped()).isEqualTo(1);
		assertThat(batch.windows().values()).singleElement().extracting(Totals::transactions).isEqualTo(3L);
	}

	@Test
	void anIdlePartitionFollowsTheHighestWatermarkAndThenTheStreamWatermarkIsTheLowest() {
		IngestBatch batch = new IngestBatch(EMPTY);
		batch.accept(0, 0, bet("10:01:00"));
		batch.close(List.of(0, 1, 2), List.of(2));
		assertThat(batch.after().watermark()).as("partition 1 has no watermark yet").isNull();

		batch.close(List.of(0, 1, 2), List.of(1, 2));
		assertThat(batch.after().watermark()).isEqualTo(time("10:00:50"));
	}

	/** Only a batch that moves the watermark over a window end looks for offers to hand downstream. */
	@Test
	void aBatchClosesWindowsOnlyWhenItsWatermarkCrossesAWindowEnd() {
		assertThat(closes(null, "10:00:50")).as("the first watermark: whatever closed so far").isTrue();
		assertThat(closes("10:00:50", "10:04:59.999")).isFalse();
		assertThat(closes("10:04:59.999", "10:05:00")).as("a watermark at a window end closes it").isTrue();
		assertThat(closes("10:05:00", "10:06:00")).isFalse();
		assertThat(closes("10:06:00", "10:16:00")).isTrue();
		IngestBatch quiet = new IngestBatch(EMPTY);
		quiet.close(List.of(0), List.of());
		assertThat(quiet.closesWindows()).as("no watermark yet").isFalse();
	}

	private static boolean closes(String before, String after) {
		IngestState state = new IngestState(Map.of(0, 1L), before == null ? Map.of() : Map.of(0, time(before)),
				before == null ? null : time(before), 1, 0, 0);
		IngestBatch batch = new IngestBatch(state);
		batch.accept(0, 1, heartbeat(time(after).plusSeconds(10).toLocalTime().toString()));
		batch.close(List.of(0), List.of());
		assertThat(batch.after().watermark()).isEqualTo(time(after));
		return batch.closesWindows();
	}

	@Test
	void theStreamWatermarkNeverMovesBack() {
		IngestState before = new IngestState(Map.of(0, 5L, 1, 3L), Map.of(0, time("10:00:00"), 1, time("09:00:00")),
				time("10:00:00"), 8, 0, 0);
		IngestBatch batch = new IngestBatch(before);
		batch.close(List.of(0, 1), List.of());
		assertThat(batch.changesState()).isFalse();
		assertThat(batch.after().watermark()).isEqualTo(time("10:00:00"));
	}

	private static Transaction bet(String time) {
		return new Transaction(1L, 1001L, "Alice", Transaction.BET, BigDecimal.TEN, "slot", time(time));
	}

	private static Transaction heartbeat(String time) {
		return new Transaction(null, null, null, Transaction.HEARTBEAT, null, null, time(time));
	}

	private static LocalDateTime time(String clock) {
		return LocalDateTime.parse("2026-01-01T" + clock);
	}

}
