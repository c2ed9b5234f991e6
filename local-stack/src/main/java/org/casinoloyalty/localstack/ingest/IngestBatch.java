package org.casinoloyalty.localstack.ingest;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The effects of one poll, computed record by record in offset order and written by
 * {@link IngestStore} in one transaction together with the offsets that produced them.
 *
 * <p>Watermarks follow RisingWave's source: each partition (RisingWave: each source actor) drops
 * records older than its own watermark, max event time − 10 s; an idle partition (nothing to read
 * for a few seconds) takes the highest watermark of all (RisingWave's idle actors adopt the global
 * one), and the
 * stream's watermark, which closes windows, is the lowest partition watermark. So a partition that
 * lags behind during a catch-up neither loses records to the others' progress nor has its windows
 * closed early, and in steady state the watermark is simply max event time − 10 s.
 */
final class IngestBatch {

	/** Watermark = max event time − this (design §4); setup_risingwave.sql's WATERMARK clause, held equal by TimeSemanticsParityTest. */
	static final Duration WATERMARK_DELAY = Duration.ofSeconds(10);

	/** Tumbling windows of this length, aligned to the epoch (design §4); setup_risingwave.sql's TUMBLE, held equal likewise. */
	static final Duration WINDOW_LENGTH = Duration.ofMinutes(5);

	static final long WINDOW_SECONDS = WINDOW_LENGTH.toSeconds();

	enum Outcome { COUNTED, HEARTBEAT, LATE }

	record WindowKey(long memberId, String memberName, LocalDateTime windowStart) {

		LocalDateTime windowEnd() {
			return windowStart.plusSeconds(WINDOW_SECONDS);
		}

	}

	record MemberKey(long memberId, String memberName) {
	}

	private final IngestState before;
	private final Map<Integer, Long> nextOffsets;
	private final Map<Integer, LocalDateTime> partitionWatermarks;
	private LocalDateTime watermark;
	private final List<Transaction> transactions = new ArrayList<>();
	private final Map<WindowKey, Totals> windows = new LinkedHashMap<>();
	private final Map<String, Totals> games = new LinkedHashMap<>();
	private final Map<MemberKey, Totals> members = new LinkedHashMap<>();
	private final List<DeadLetter> deadLetters = new ArrayList<>();
	private long counted;
	private long lateDropped;

	IngestBatch(IngestState before) {
		this.before = before;
		this.nextOffsets = new HashMap<>(before.nextOffsets());
		this.partitionWatermarks = new HashMap<>(before.partitionWatermarks());
		this.watermark = before.watermark();
	}

	/** Stores the record raw; counts it unless it is a heartbeat or older than its partition's watermark. */
	Outcome accept(int partition, long offset, Transaction transaction) {
		consumed(partition, offset);
		transactions.add(transaction);
		LocalDateTime partitionWatermark = partitionWatermarks.get(partition);
		if (partitionWatermark != null && transaction.time().isBefore(partitionWatermark)) {
			if (transaction.isHeartbeat()) {
				return Outcome.HEARTBEAT;
			}
			lateDropped++;
			return Outcome.LATE;
		}
		partitionWatermarks.merge(partition, transaction.time().minus(WATERMARK_DELAY), IngestBatch::later);
		if (transaction.isHeartbeat()) {
			return Outcome.HEARTBEAT;
		}
		windows.computeIfAbsent(new WindowKey(transaction.memberId(), transaction.memberName(),
				windowStart(transaction.time())), key -> new Totals()).add(transaction);
		games.computeIfAbsent(transaction.gameType(), key -> new Totals()).add(transaction);
		members.computeIfAbsent(new MemberKey(transaction.memberId(), transaction.memberName()), key -> new Totals())
			.add(transaction);
		counted++;
		return Outcome.COUNTED;
	}

	void deadLettered(int partition, long offset, DeadLetter deadLetter) {
		consumed(partition, offset);
		deadLetters.add(deadLetter);
	}

	private void consumed(int partition, long offset) {
		nextOffsets.put(partition, offset + 1);
	}

	/**
	 * Ends the batch: idle partitions take the highest partition watermark, and the stream
	 * watermark becomes the lowest one (never moving back).
	 */
	void close(Collection<Integer> partitions, Collection<Integer> idle) {
		LocalDateTime highest = partitionWatermarks.values().stream().reduce(IngestBatch::later).orElse(null);
		if (highest != null) {
			idle.forEach(partition -> partitionWatermarks.merge(partition, highest, IngestBatch::later));
		}
		LocalDateTime lowest = highest;
		for (Integer partition : partitions) {
			LocalDateTime partitionWatermark = partitionWatermarks.get(partition);
			if (partitionWatermark == null) {
				return;
			}
			lowest = partitionWatermark.isBefore(lowest) ? partitionWatermark : lowest;
		}
		watermark = watermark == null ? lowest : later(watermark, lowest);
	}

	/** Whether committing this batch would change anything in the database. */
	boolean changesState() {
		return !nextOffsets.equals(before.nextOffsets()) || !partitionWatermarks.equals(before.partitionWatermarks())
				|| !Objects.equals(watermark, before.watermark());
	}

	/** The stream watermark before this batch: the windows ending after it and up to the new one close with it. */
	LocalDateTime watermarkBefore() {
		return before.watermark();
	}

	/**
	 * Whether this batch closes a window: a window end (a multiple of the window length) lies after the
	 * watermark before it and at or before the one after it. Most batches move the watermark within a window.
	 */
	boolean closesWindows() {
		LocalDateTime now = watermark;
		if (now == null) {
			return false;
		}
		return before.watermark() == null || windowStart(now).isAfter(before.watermark());
	}

	LocalDateTime partitionWatermark(int partition) {
		return partitionWatermarks.get(partition);
	}

	IngestState after() {
		return new IngestState(nextOffsets, partitionWatermarks, watermark, before.ingested() + transactions.size(),
				before.lateDropped() + lateDropped, before.deadLettered() + deadLetters.size());
	}

	/** Bet and win records of this batch counted in the aggregates. */
	long counted() {
		return counted;
	}

	/** Bet and win records of this batch dropped as late. */
	long lateDropped() {
		return lateDropped;
	}

	List<DeadLetter> deadLetters() {
		return deadLetters;
	}

	List<Transaction> transactions() {
		return transactions;
	}

	Map<WindowKey, Totals> windows() {
		return windows;
	}

	Map<String, Totals> games() {
		return games;
	}

	Map<MemberKey, Totals> members() {
		return members;
	}

	int records() {
		return transactions.size() + deadLetters.size();
	}

	static LocalDateTime windowStart(LocalDateTime time) {
		long seconds = time.toEpochSecond(ZoneOffset.UTC);
		return LocalDateTime.ofEpochSecond(Math.floorDiv(seconds, WINDOW_SECONDS) * WINDOW_SECONDS, 0, ZoneOffset.UTC);
	}

	private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
		return a.isAfter(b) ? a : b;
	}

}
