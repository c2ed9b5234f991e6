package org.casinoloyalty.e2e.chaos;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The independent account of a scenario: every bet and win on topic {@code gaming-transactions} from
 * the start of the 5-minute window a scenario began in, held against what local-stack stored. Each
 * transaction id must be in {@code gaming_transactions} exactly once, and each window of
 * {@code member_window_live} (closed ones are {@code member_daily_summary}) must equal the sums
 * recomputed from the topic under design §4's rule: per partition, in offset order, a record older
 * than the newest event time − 10 s counts nowhere. (The idle-partition rule is not redone here: a
 * record dropped because of it would show as a differing window.)
 */
final class Ledger {

	private static final String TOPIC = "gaming-transactions";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The checks' outcome: {@link #problems()} is empty when nothing was lost, doubled or miscounted. */
	record Account(long topicEvents, long late, long windows, long closedWindows, long duplicates, long missing, long extra,
			long windowsDiffering, List<String> problems) {

		String summary() {
			return topicEvents + " events, " + duplicates + " duplicate, " + missing + " missing, " + late
					+ " late by the watermark rule, " + windows + " windows (" + closedWindows + " closed) equal to the topic's";
		}

	}

	private record WindowKey(long member, LocalDateTime start) {
	}

	private record Sums(BigDecimal spend, BigDecimal winnings, long count) {

		Sums plus(boolean bet, BigDecimal amount) {
			return bet ? new Sums(spend.add(amount), winnings, count + 1) : new Sums(spend, winnings.add(amount), count + 1);
		}

		boolean sameAs(Sums other) {
			return spend.compareTo(other.spend) == 0 && winnings.compareTo(other.winnings) == 0 && count == other.count;
		}

	}

	private static final Sums ZERO = new Sums(BigDecimal.ZERO, BigDecimal.ZERO, 0);

	private final LocalDateTime from;

	private Ledger(LocalDateTime from) {
		this.from = from;
	}

	/** The account of everything from the start of the window that holds {@code scenarioStart} (UTC). */
	static Ledger from(LocalDateTime scenarioStart) {
		long seconds = scenarioStart.toEpochSecond(ZoneOffset.UTC);
		return new Ledger(LocalDateTime.ofEpochSecond(seconds - Math.floorMod(seconds, 300), 0, ZoneOffset.UTC));
	}

	Account check(Connection sql) throws SQLException {
		Map<Long, Integer> onTopic = new HashMap<>();
		Map<WindowKey, Sums> recomputed = new TreeMap<>((a, b) -> a.start.equals(b.start) ? Long.compare(a.member, b.member)
				: a.start.compareTo(b.start));
		Map<Integer, LocalDateTime> watermarks = new HashMap<>();
		LocalDateTime latest = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5);
		long late = 0;
		for (ConsumerRecord<String, String> record : readTopic()) {
			JsonNode event;
			try {
				event = JSON.readTree(record.value());
			}
			catch (RuntimeException ex) {
				continue;
			}
			String type = event.path("transaction_type").asString("");
			LocalDateTime time;
			try {
				time = LocalDateTime.parse(event.path("transaction_time").asString().replace(' ', 'T'));
			}
			catch (RuntimeException ex) {
				continue;
			}
			if (time.isAfter(latest)) {
				continue;
			}
			boolean play = type.equals("bet") || type.equals("win");
			if (play && time.isAfter(from.minusNanos(1))) {
				onTopic.merge(event.get("transaction_id").asLong(), 1, Integer::sum);
			}
			// design §4: a record older than its partition's watermark counts nowhere, in either engine
			LocalDateTime watermark = watermarks.get(record.partition());
			if (watermark != null && time.isBefore(watermark)) {
				late += play && !time.isBefore(from) ? 1 : 0;
				continue;
			}
			watermarks.merge(record.partition(), time.minusSeconds(10), (a, b) -> a.isAfter(b) ? a : b);
			if (!play || time.isBefore(from)) {
				continue;
			}
			long seconds = time.toEpochSecond(ZoneOffset.UTC);
			WindowKey window = new WindowKey(event.get("member_id").asLong(),
					LocalDateTime.ofEpochSecond(seconds - Math.floorMod(seconds, 300), 0, ZoneOffset.UTC));
			recomputed.put(window, recomputed.getOrDefault(window, ZERO).plus(type.equals("bet"),
					event.get("amount").decimalValue()));
		}

		Map<Long, Integer> stored = new HashMap<>();
		try (PreparedStatement select = sql.prepareStatement("""
				SELECT transaction_id, count(*) FROM gaming_transactions
				WHERE transaction_type IN ('bet', 'win') AND transaction_time >= ? GROUP BY transaction_id""")) {
			select.setObject(1, from);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					stored.put(rows.getLong(1), rows.getInt(2));
				}
			}
		}
		long duplicates = stored.values().stream().mapToLong(count -> count - 1).sum();
		long missing = onTopic.keySet().stream().filter(id -> !stored.containsKey(id)).count();
		long extra = stored.keySet().stream().filter(id -> !onTopic.containsKey(id)).count();
		long topicDuplicates = onTopic.values().stream().mapToLong(count -> count - 1).sum();

		Map<WindowKey, Sums> live = new HashMap<>();
		Map<WindowKey, Boolean> closed = new HashMap<>();
		try (PreparedStatement select = sql.prepareStatement("""
				SELECT w.member_id, w.window_start, w.total_spend, w.total_winnings, w.transaction_count,
				       EXISTS (SELECT 1 FROM member_daily_summary s WHERE s.member_id = w.member_id AND s.window_start = w.window_start)
				FROM member_window_live w WHERE w.window_start >= ?""")) {
			select.setObject(1, from);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					WindowKey key = new WindowKey(rows.getLong(1), rows.getObject(2, LocalDateTime.class));
					live.put(key, new Sums(rows.getBigDecimal(3), rows.getBigDecimal(4), rows.getLong(5)));
					closed.put(key, rows.getBoolean(6));
				}
			}
		}
		List<String> problems = new ArrayList<>();
		long differing = 0;
		for (var entry : recomputed.entrySet()) {
			Sums inStore = live.get(entry.getKey());
			if (inStore == null || !inStore.sameAs(entry.getValue())) {
				differing++;
				if (differing <= 3) {
					problems.add("window " + entry.getKey() + ": topic " + entry.getValue() + ", stored " + inStore);
				}
			}
		}
		differing += live.keySet().stream().filter(key -> !recomputed.containsKey(key)).count();
		if (duplicates > 0) {
			problems.add(duplicates + " transaction ids stored more than once");
		}
		if (topicDuplicates > 0) {
			problems.add(topicDuplicates + " transaction ids on the topic more than once (the producer sent them twice)");
		}
		if (missing > 0) {
			problems.add(missing + " transaction ids on the topic are not stored");
		}
		if (extra > 0) {
			problems.add(extra + " stored transaction ids are not on the topic");
		}
		if (differing > 0) {
			problems.add(differing + " windows differ from the topic's sums");
		}
		long closedCount = closed.values().stream().filter(Boolean::booleanValue).count();
		return new Account(onTopic.values().stream().mapToLong(Integer::longValue).sum(), late, recomputed.size(), closedCount,
				duplicates, missing, extra, differing, problems);
	}

	/** The topic from a minute before {@link #from} (by record time) to its end. */
	private List<ConsumerRecord<String, String>> readTopic() {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				LocalDemo.KAFKA, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(TOPIC)
				.stream()
				.map(info -> new TopicPartition(TOPIC, info.partition()))
				.toList();
			consumer.assign(partitions);
			long since = from.minusMinutes(1).toInstant(ZoneOffset.UTC).toEpochMilli();
			Map<TopicPartition, Long> times = new HashMap<>();
			partitions.forEach(partition -> times.put(partition, since));
			Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			for (TopicPartition partition : partitions) {
				OffsetAndTimestamp start = starts.get(partition);
				consumer.seek(partition, start == null ? ends.get(partition) : start.offset());
			}
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("could not read topic " + TOPIC + " to its end within 2 minutes");
				}
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
			return records;
		}
	}

}
