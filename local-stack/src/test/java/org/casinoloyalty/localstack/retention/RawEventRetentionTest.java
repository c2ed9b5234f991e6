package org.casinoloyalty.localstack.retention;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.casinoloyalty.localstack.RunningLocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casinoloyalty.localstack.Events.bet;
import static org.casinoloyalty.localstack.Events.heartbeat;
import static org.casinoloyalty.localstack.Events.win;

/**
 * The raw-event retention (docs/decisions.md D23) on the running stand-in, with a retention of 1 hour of event
 * time and batches of 7 rows: old raw rows go, batch after batch, while every relation built from them stays as
 * it was and ingestion goes on. Every record goes to partition 0, so the reading order is the sending order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RawEventRetentionTest {

	private static final String DAY = "2026-03-02 ";

	private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Everything the retention must leave alone: the relations of public and the state behind them. */
	private static final List<String> KEPT = List.of("member_window_live", "member_daily_summary", "hotel_room_offers",
			"drink_offers", "game_stats", "member_leaderboard", "offer_rules", "redeemed_offers", "staff_actions",
			"local_stack.member_window", "local_stack.open_member_window", "local_stack.member_totals",
			"local_stack.game_totals", "local_stack.outbox");

	@TempDir
	static Path dataDirectory;

	static RunningLocalStack stack;

	/** Raw rows stored by the first test, all deleted by its end. */
	static long firstTimeline;

	@BeforeAll
	static void start() {
		stack = RunningLocalStack.start(dataDirectory, "--casino.local-stack.retention.raw-events=1h",
				"--casino.local-stack.retention.interval=100ms", "--casino.local-stack.retention.batch-size=7");
	}

	@AfterAll
	static void stop() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	@Order(1)
	void deletingOldRawEventsChangesNoWindowTotalOfferRedemptionOutboxRecordOrDeadLetter() throws Exception {
		send(bet(1, 1001, "Alice", "3000.00", "slot", DAY + "10:00:01.000"),
				bet(2, 1001, "Alice", "2500.50", "blackjack", DAY + "10:01:00.000"),
				win(3, 1001, "Alice", "400.25", "blackjack", DAY + "10:01:30.000"),
				bet(4, 1002, "Bob", "1200.00", "poker", DAY + "10:02:00.000"),
				win(5, 1002, "Bob", "100.00", "poker", DAY + "10:03:00.000"),
				heartbeat(DAY + "10:04:00.000"),
				bet(6, 1002, "Bob", "10.00", "slot", DAY + "10:05:09.999"),
				bet(7, 1001, "Alice", "6000.00", "roulette", DAY + "10:07:00.000"),
				"{not json",
				bet(8, 1002, "Bob", "1500.00", "poker", DAY + "10:12:00.000"),
				heartbeat(DAY + "10:13:00.000"),
				// late: older than the watermark (10:12:50), stored raw and counted nowhere
				bet(9, 1001, "Alice", "999.00", "slot", DAY + "10:04:00.000"),
				heartbeat(DAY + "10:20:10.000"));
		awaitWatermark(DAY + "10:20:00");
		stack.sql().sql("""
				INSERT INTO redeemed_offers (member_id, member_name, offer_type, redemption_date, window_start, window_end,
				  redeemed_at, redeemed_by)
				VALUES (1001, 'Alice', 'hotel', DATE '2026-03-02', TIMESTAMP '2026-03-02 10:00:00', TIMESTAMP '2026-03-02 10:05:00',
				  TIMESTAMP '2026-03-02 10:21:00', 'host')""").update();
		stack.sql().sql("""
				INSERT INTO staff_actions (acted_at, staff_user, staff_role, action, target, value_before, value_after)
				VALUES (TIMESTAMP '2026-03-02 10:21:00', 'host', 'HOST', 'redeem', 'hotel 1001', NULL, NULL)""").update();
		awaitOutboxRelayed();
		firstTimeline = count("SELECT count(*) FROM gaming_transactions");
		assertThat(firstTimeline).isEqualTo(12);
		assertThat(rows("SELECT member_id, window_start FROM hotel_room_offers ORDER BY window_start"))
			.containsExactly("1001|2026-03-02 10:00:00", "1001|2026-03-02 10:05:00");
		assertThat(rows("SELECT member_id, window_start FROM drink_offers ORDER BY window_start, member_id")).containsExactly(
				"1001|2026-03-02 10:00:00", "1002|2026-03-02 10:00:00", "1001|2026-03-02 10:05:00",
				"1002|2026-03-02 10:10:00");
		assertThat(deleted()).as("nothing is an hour older than the watermark yet").isZero();
		Map<String, List<String>> before = snapshot();
		Map<String, Long> topicsBefore = topicEnds();
		List<String> countersBefore = rows("SELECT late_dropped, dead_lettered FROM local_stack.ingest_state");

		// A heartbeat an hour and ten minutes on closes no window (none has rows) and moves the cutoff past every row above.
		send(heartbeat(DAY + "11:30:10.000"));
		awaitWatermark(DAY + "11:30:00");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deleted())
			.isEqualTo(firstTimeline));
		awaitOutboxRelayed();

		assertThat(rows("SELECT transaction_type, transaction_time FROM gaming_transactions"))
			.containsExactly("heartbeat|2026-03-02 11:30:10");
		assertThat(snapshot()).isEqualTo(before);
		assertThat(topicEnds()).as("nothing more on loyalty-offers, loyalty-redemptions or the dead-letter topic")
			.isEqualTo(topicsBefore);
		assertThat(rows("SELECT late_dropped, dead_lettered FROM local_stack.ingest_state")).isEqualTo(countersBefore)
			.containsExactly("1|1");
		JsonNode retention = retention();
		assertThat(retention.path("status").asString()).isEqualTo("UP");
		assertThat(retention.path("details").path("rawEvents").asString()).isEqualTo("1h");
		assertThat(retention.path("details").path("cutoff").asString()).isEqualTo("2026-03-02T10:30");
		assertThat(retention.path("details").path("oldestKept").asString()).isEqualTo("2026-03-02T11:30:10");
		assertThat(retention.path("details").path("kept").asLong()).isEqualTo(1);
		assertThat(retention.path("details").path("rawEventBytes").asLong()).isPositive();
		assertThat(retention.path("details").path("databaseBytes").asLong())
			.isGreaterThan(retention.path("details").path("rawEventBytes").asLong());
		assertThat(topicRetention()).as("the broker keeps the topic's records as long").isEqualTo("3600000");
	}

	@Test
	@Order(2)
	void ingestionGoesOnWhileOldRawEventsAreDeletedInBatchesAndEveryRecordIsCountedOnce() {
		LocalDateTime first = LocalDateTime.parse("2026-03-02T12:00:00");
		int perHalfHour = 450;
		Map<Long, BigDecimal> spendByMember = new TreeMap<>();
		long sent = 0;
		long deletedAfterFourHalfHours = 0;
		for (int halfHour = 0; halfHour < 6; halfHour++) {
			List<String> chunk = new ArrayList<>();
			for (int i = 0; i < perHalfHour; i++) {
				long id = 1_000 + sent;
				long member = 2001 + sent % 10;
				BigDecimal amount = BigDecimal.valueOf(10 + sent % 7);
				LocalDateTime time = first.plusSeconds(4 * sent);
				chunk.add(bet(id, member, "Member " + member, amount.toPlainString(), "slot", EVENT_TIME.format(time)));
				spendByMember.merge(member, amount, BigDecimal::add);
				sent++;
			}
			send(chunk.toArray(String[]::new));
			if (halfHour == 3) {
				// two hours of event time in: the first hour is past the retention and goes while the rest comes in
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(deleted()).isGreaterThan(firstTimeline + 1));
				deletedAfterFourHalfHours = deleted();
			}
		}
		long perMember = sent / 10;
		LocalDateTime last = first.plusSeconds(4 * (sent - 1));
		LocalDateTime cutoff = last.minusSeconds(10).minusHours(1);
		long keptExpected = sent - (Duration.between(first, cutoff).toSeconds() + 3) / 4;
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count("SELECT count(*) FROM gaming_transactions"))
			.isEqualTo(keptExpected));

		assertThat(rows("SELECT min(transaction_time) >= TIMESTAMP '%s' FROM gaming_transactions".formatted(cutoff)))
			.containsExactly("t");
		assertThat(deletedAfterFourHalfHours).isLessThan(deleted());
		assertThat(deleted()).isEqualTo(firstTimeline + 1 + sent - keptExpected);
		Map<String, String> expected = new LinkedHashMap<>();
		spendByMember.forEach((member, spend) -> expected.put(String.valueOf(member), spend.toPlainString() + "|" + perMember));
		Map<String, String> leaderboard = new LinkedHashMap<>();
		rows("SELECT member_id, lifetime_spend, lifetime_transactions FROM member_leaderboard WHERE member_id > 2000 ORDER BY member_id")
			.forEach(row -> leaderboard.put(row.substring(0, 4), row.substring(5)));
		assertThat(leaderboard).isEqualTo(expected);
		assertThat(rows("SELECT sum(transaction_count), sum(total_spend) FROM member_window_live WHERE member_id > 2000"))
			.containsExactly(sent + "|" + spendByMember.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
		assertThat(rows("SELECT late_dropped FROM local_stack.ingest_state")).containsExactly("1");
	}

	private static void send(String... values) {
		stack.sendInOrder(values);
	}

	private static void awaitWatermark(String expected) {
		stack.awaitWatermark(expected);
	}

	private static void awaitOutboxRelayed() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT count(*) FROM local_stack.outbox WHERE failed_at IS NULL") == 0);
	}

	/** Health component retention, as an operator reads it. */
	private static JsonNode retention() {
		return JSON.readTree(stack.health()).path("components").path("retention");
	}

	/** Raw events deleted so far, as health reports them. */
	private static long deleted() {
		return retention().path("details").path("deleted").asLong();
	}

	private static Map<String, List<String>> snapshot() {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		KEPT.forEach(relation -> rows.put(relation, rows("SELECT * FROM " + relation).stream().sorted().toList()));
		return rows;
	}

	private static Map<String, Long> topicEnds() throws Exception {
		List<String> topics = List.of("loyalty-offers", "loyalty-redemptions", RunningLocalStack.DEAD_LETTER_TOPIC);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
			Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
			admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
				.forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
			Map<String, Long> ends = new TreeMap<>();
			admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.merge(partition.topic(),
					((ListOffsetsResultInfo) end).offset(), Long::sum));
			return ends;
		}
	}

	private static String topicRetention() throws Exception {
		ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, RunningLocalStack.TOPIC);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
			return admin.describeConfigs(List.of(topic)).all().get().get(topic).get("retention.ms").value();
		}
	}

	private static long count(String query) {
		return stack.sql().sql(query).query(Long.class).single();
	}

	private static List<String> rows(String query) {
		return stack.rows(query);
	}

}
