package org.casinoloyalty.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.casinoloyalty.localstack.Events.bet;
import static org.casinoloyalty.localstack.Events.heartbeat;
import static org.casinoloyalty.localstack.Events.win;

/**
 * RisingWave's event-time semantics on the stand-in, one timeline of synthetic events with chosen
 * times. The steps build on each other (the watermark only moves forward), hence the order; each
 * asserts the exact contents of the relations. Every record goes to partition 0, so the reading
 * order is the sending order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventTimeSemanticsTest {

	private static final String DAY = "2026-03-01 ";

	private static final String WINDOW_1_ALICE = "1001|Alice|5500.50|400.25|-5100.25|3|2026-03-01 10:01:30|2026-03-01 10:00:00|2026-03-01 10:05:00";
	private static final String WINDOW_1_BOB = "1002|Bob|1250.00|100.00|-1150.00|3|2026-03-01 10:04:59.999|2026-03-01 10:00:00|2026-03-01 10:05:00";
	private static final String WINDOW_2_ALICE = "1001|Alice|1.00|0|-1.00|1|2026-03-01 10:05:00|2026-03-01 10:05:00|2026-03-01 10:10:00";
	private static final String WINDOW_2_BOB = "1002|Bob|10.00|0|-10.00|1|2026-03-01 10:05:09.999|2026-03-01 10:05:00|2026-03-01 10:10:00";

	@TempDir
	static Path dataDirectory;

	static RunningLocalStack stack;

	@BeforeAll
	static void start() {
		stack = RunningLocalStack.start(dataDirectory);
	}

	@AfterAll
	static void stop() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	@Order(1)
	void anOpenWindowShowsInTheLiveViewOnly() {
		send(bet(1, 1001, "Alice", "3000.00", "slot", DAY + "10:00:01.000"),
				bet(2, 1001, "Alice", "2500.50", "blackjack", DAY + "10:01:00.000"),
				win(3, 1001, "Alice", "400.25", "blackjack", DAY + "10:01:30.000"),
				bet(4, 1002, "Bob", "1200.00", "poker", DAY + "10:02:00.000"),
				win(5, 1002, "Bob", "100.00", "poker", DAY + "10:03:00.000"),
				heartbeat(DAY + "10:04:00.000"),
				bet(6, 1002, "Bob", "50.00", "slot", DAY + "10:04:59.999"));

		assertThat(rows("SELECT * FROM member_window_live ORDER BY window_start, member_id"))
			.containsExactly(WINDOW_1_ALICE, WINDOW_1_BOB);
		assertThat(rows("SELECT * FROM member_daily_summary")).isEmpty();
		assertThat(windowsByTable()).containsExactly("open|1001|2026-03-01 10:00:00", "open|1002|2026-03-01 10:00:00");
		assertThat(rows("SELECT * FROM hotel_room_offers")).isEmpty();
		assertThat(rows("SELECT game_type, bet_count, total_wagered, total_paid_out, house_net FROM game_stats ORDER BY game_type"))
			.containsExactly("blackjack|1|2500.50|400.25|2100.25", "poker|1|1200.00|100.00|1100.00", "slot|2|3050.00|0|3050.00");
		assertThat(rows("SELECT round(house_edge, 6) FROM game_stats ORDER BY game_type"))
			.containsExactly("0.839932", "0.916667", "1.000000");
		assertThat(rows("SELECT * FROM member_leaderboard ORDER BY member_id")).containsExactly(
				"1001|Alice|5500.50|400.25|-5100.25|3|2026-03-01 10:01:30",
				"1002|Bob|1250.00|100.00|-1150.00|3|2026-03-01 10:04:59.999");
		assertThat(rows("SELECT count(*), count(*) FILTER (WHERE transaction_type = 'heartbeat') FROM gaming_transactions"))
			.containsExactly("7|1");
		awaitWatermark("2026-03-01 10:04:49.999");
	}

	@Test
	@Order(2)
	void aWindowClosesOnlyWhenTheWatermarkReachesItsEnd() {
		send(bet(7, 1002, "Bob", "10.00", "slot", DAY + "10:05:09.999"));
		awaitWatermark("2026-03-01 10:04:59.999");
		assertThat(rows("SELECT * FROM member_daily_summary")).isEmpty();

		send(heartbeat(DAY + "10:05:10.000"));
		awaitWatermark("2026-03-01 10:05:00");
		assertThat(rows("SELECT * FROM member_daily_summary ORDER BY member_id")).containsExactly(WINDOW_1_ALICE, WINDOW_1_BOB);
		// the batch that closed the window moved its rows to the closed windows' table
		assertThat(windowsByTable()).containsExactly("closed|1001|2026-03-01 10:00:00", "closed|1002|2026-03-01 10:00:00",
				"open|1002|2026-03-01 10:05:00");
		assertThat(rows("SELECT * FROM hotel_room_offers")).containsExactly(
				"1001|Alice|5500.50|3|-5100.25|2026-03-01 10:01:30|2026-03-01 10:00:00|2026-03-01 10:05:00|Complimentary Hotel Room (1 night)");
		assertThat(rows("SELECT * FROM drink_offers ORDER BY loss_amount DESC")).containsExactly(
				"1001|Alice|5500.50|3|-5100.25|5100.25|2026-03-01 10:01:30|2026-03-01 10:00:00|2026-03-01 10:05:00|Complimentary Premium Drink",
				"1002|Bob|1250.00|3|-1150.00|1150.00|2026-03-01 10:04:59.999|2026-03-01 10:00:00|2026-03-01 10:05:00|Complimentary Premium Drink");
	}

	@Test
	@Order(3)
	void aRecordOlderThanTheWatermarkIsDroppedFromEveryRelationButTheRawTopic() {
		send(bet(8, 1001, "Alice", "999.00", "slot", DAY + "10:04:59.000"),
				bet(9, 1001, "Alice", "1.00", "slot", DAY + "10:05:00.000"));

		assertThat(rows("SELECT * FROM member_window_live ORDER BY window_start, member_id"))
			.containsExactly(WINDOW_1_ALICE, WINDOW_1_BOB, WINDOW_2_ALICE, WINDOW_2_BOB);
		assertThat(rows("SELECT * FROM member_daily_summary ORDER BY member_id")).containsExactly(WINDOW_1_ALICE, WINDOW_1_BOB);
		assertThat(rows("SELECT game_type, bet_count, total_wagered FROM game_stats WHERE game_type = 'slot'"))
			.containsExactly("slot|4|3061.00");
		assertThat(rows("SELECT lifetime_spend, lifetime_transactions FROM member_leaderboard WHERE member_id = 1001"))
			.containsExactly("5501.50|4");
		assertThat(rows("SELECT transaction_id FROM gaming_transactions WHERE transaction_id IN (8, 9) ORDER BY 1"))
			.containsExactly("8", "9");
		assertThat(stack.health()).contains("\"lateDropped\":1");
	}

	@Test
	@Order(4)
	void heartbeatsAloneCloseTheNextWindowAndAreCountedNowhere() {
		send(heartbeat(DAY + "10:05:30.000"), heartbeat(DAY + "10:07:00.000"), heartbeat(DAY + "10:09:59.999"));
		awaitWatermark("2026-03-01 10:09:49.999");
		assertThat(rows("SELECT count(*) FROM member_daily_summary")).containsExactly("2");

		send(heartbeat(DAY + "10:10:10.000"));
		awaitWatermark("2026-03-01 10:10:00");
		assertThat(rows("SELECT * FROM member_daily_summary ORDER BY window_start, member_id"))
			.containsExactly(WINDOW_1_ALICE, WINDOW_1_BOB, WINDOW_2_ALICE, WINDOW_2_BOB);
		assertThat(rows("SELECT * FROM member_window_live ORDER BY window_start, member_id"))
			.containsExactly(WINDOW_1_ALICE, WINDOW_1_BOB, WINDOW_2_ALICE, WINDOW_2_BOB);
		assertThat(rows("SELECT sum(bet_count) FROM game_stats")).containsExactly("6");
		assertThat(rows("SELECT sum(lifetime_transactions) FROM member_leaderboard")).containsExactly("8");
	}

	@Test
	@Order(5)
	void aChangedRuleShowsOnTheNextQueryAndASeedInsertCannotOverwriteIt() {
		assertThat(rows("SELECT * FROM offer_rules ORDER BY offer_type")).containsExactly("drink|1000|null", "hotel|5000|null");

		stack.sql().sql("UPDATE offer_rules SET threshold = 6000, updated_at = TIMESTAMP '2026-03-01 11:00:00' WHERE offer_type = 'hotel'").update();
		assertThat(rows("SELECT * FROM hotel_room_offers")).isEmpty();

		stack.sql().sql("UPDATE offer_rules SET threshold = 1 WHERE offer_type = 'hotel'").update();
		assertThat(rows("SELECT member_id, window_start FROM hotel_room_offers ORDER BY window_start, member_id")).containsExactly(
				"1001|2026-03-01 10:00:00", "1002|2026-03-01 10:00:00", "1001|2026-03-01 10:05:00", "1002|2026-03-01 10:05:00");

		stack.sql().sql("INSERT INTO offer_rules (offer_type, threshold, updated_at) VALUES ('hotel', 5000, NULL)").update();
		assertThat(rows("SELECT * FROM offer_rules WHERE offer_type = 'hotel'")).containsExactly("hotel|1|2026-03-01 11:00:00");

		stack.sql().sql("UPDATE offer_rules SET threshold = 5000, updated_at = NULL WHERE offer_type = 'hotel'").update();
		assertThat(rows("SELECT member_id FROM hotel_room_offers")).containsExactly("1001");
	}

	@Test
	@Order(6)
	void recordsThatCannotBeParsedGoToTheDeadLetterTopicWithTheReasonAndIngestionGoesOn() {
		List<String> broken = List.of("{not json",
				"""
						{"transaction_id":20,"member_name":"Alice","transaction_type":"bet","amount":10,"game_type":"slot","transaction_time":"2026-03-01 10:10:20.000"}""",
				bet(21, 1001, "Alice", "10.00", "slot", "2026-03-01T10:10:20Z"),
				bet(22, 1001, "Alice", "10.00", "slot", "2026-03-01 10:10:20.000+02:00"),
				Events.play(23, 1001, "Alice", "cashout", "10.00", "slot", DAY + "10:10:20.000"),
				bet(24, 1001, "Alice", "\"ten\"", "slot", DAY + "10:10:20.000"));
		send(broken.toArray(String[]::new));
		send(bet(25, 1002, "Bob", "7.00", "roulette", DAY + "10:10:20.000"));

		List<ConsumerRecord<String, String>> deadLetters = allDeadLetters();
		assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactlyElementsOf(broken);
		assertThat(deadLetters).extracting(record -> header(record, "dlt-reason")).satisfiesExactly(
				reason -> assertThat(reason).startsWith("not valid JSON"),
				reason -> assertThat(reason).isEqualTo("member_id is missing (required in a bet record)"),
				reason -> assertThat(reason).isEqualTo(
						"transaction_time '2026-03-01T10:10:20Z' is not 'yyyy-MM-dd HH:mm:ss.SSS' (UTC, without Z or an offset)"),
				reason -> assertThat(reason).startsWith("transaction_time '2026-03-01 10:10:20.000+02:00' is not"),
				reason -> assertThat(reason).isEqualTo("transaction_type 'cashout' is not bet, win or heartbeat"),
				reason -> assertThat(reason).isEqualTo("amount must be a number, got '\"ten\"'"));
		assertThat(deadLetters).extracting(record -> header(record, "dlt-original-topic")).containsOnly(RunningLocalStack.TOPIC);

		assertThat(rows("SELECT member_id, total_spend FROM member_window_live WHERE window_start = '2026-03-01 10:10:00'"))
			.containsExactly("1002|7.00");
		assertThat(rows("SELECT count(*) FROM gaming_transactions WHERE transaction_id BETWEEN 20 AND 24")).containsExactly("0");
		assertThat(stack.health()).contains("\"status\":\"UP\"", "\"broker\":{", "\"db\":{", "\"deadLettered\":6",
				"\"lateDropped\":1", "\"lag\":0");
	}

	@Test
	@Order(7)
	void aDuplicateRedemptionIsASilentNoOpEvenUnderConcurrentWriters() throws Exception {
		String insert = """
				INSERT INTO redeemed_offers (member_id, member_name, offer_type, redemption_date, window_start, window_end,
				  redeemed_at, redeemed_by)
				VALUES (1001, 'Alice', 'hotel', DATE '2026-03-01', TIMESTAMP '2026-03-01 10:00:00', TIMESTAMP '2026-03-01 10:05:00',
				  TIMESTAMP '2026-03-01 10:06:00', ?)""";
		try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
			List<Callable<Integer>> attempts = IntStream.range(0, 8)
				.<Callable<Integer>>mapToObj(i -> () -> stack.sql().sql(insert).param("host-" + i).update())
				.toList();
			for (var attempt : writers.invokeAll(attempts)) {
				assertThat(attempt.get()).isEqualTo(1);
			}
		}
		assertThat(rows("SELECT member_id, offer_type, redemption_date, count(*) OVER () FROM redeemed_offers"))
			.containsExactly("1001|hotel|2026-03-01|1");
		String winner = stack.sql().sql("SELECT redeemed_by FROM redeemed_offers").query(String.class).single();
		stack.sql().sql(insert).param("late-host").update();
		assertThat(rows("SELECT redeemed_by FROM redeemed_offers")).containsExactly(winner);

		assertThat(stack.sql().sql("DELETE FROM redeemed_offers WHERE member_id = 1001").update()).isEqualTo(1);
		stack.sql().sql(insert).param("after-delete").update();
		assertThat(rows("SELECT redeemed_by FROM redeemed_offers")).containsExactly("after-delete");
	}

	/** As RisingWave's APPEND ONLY table: rows go in, and nothing changes or removes them. */
	@Test
	@Order(7)
	void theAuditTrailTakesInsertsAndRefusesUpdateDeleteAndTruncate() {
		stack.sql().sql("""
				INSERT INTO staff_actions (acted_at, staff_user, staff_role, action, target, value_before, value_after)
				VALUES (TIMESTAMP '2026-03-01 10:06:00', 'mia', 'MANAGER', 'threshold_change', 'hotel threshold', '5000', ?)""")
			.param("6000")
			.update();
		for (String change : List.of("UPDATE staff_actions SET staff_user = 'nobody'", "DELETE FROM staff_actions",
				"TRUNCATE local_stack.staff_actions")) {
			assertThatThrownBy(() -> stack.sql().sql(change).update()).as(change)
				.hasMessageContaining("append-only table does not support update or delete");
		}
		assertThat(rows("SELECT staff_user, value_before, value_after FROM staff_actions")).containsExactly("mia|5000|6000");
	}

	@Test
	@Order(8)
	void aBatchWhoseWriteFailsIsReadAgainUntilItIsStoredOnceAndItsDeadLetterGoesOutOnce() {
		stack.sql().sql("""
				CREATE FUNCTION local_stack.fail_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN RAISE EXCEPTION 'disk full (test)'; END $$""").update();
		stack.sql().sql("""
				CREATE TRIGGER fail_for_test BEFORE UPDATE ON local_stack.ingest_state
				FOR EACH ROW EXECUTE FUNCTION local_stack.fail_for_test()""").update();
		stack.send(0, "key", "{broken 31");
		stack.send(0, "key", bet(30, 1002, "Bob", "3.00", "roulette", DAY + "10:10:30.000"));
		stack.flush();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(stack.health()).contains("\"status\":\"DOWN\"", "disk full (test)"));
		assertThat(rows("SELECT count(*) FROM gaming_transactions WHERE transaction_id = 30")).containsExactly("0");
		// the write is tried every 2 s: let it fail more than once
		long failedAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() - failedAt > Duration.ofSeconds(5).toNanos());

		stack.sql().sql("DROP TRIGGER fail_for_test ON local_stack.ingest_state").update();
		stack.awaitIngested(Duration.ofSeconds(30));
		assertThat(rows("SELECT count(*) FROM gaming_transactions WHERE transaction_id = 30")).containsExactly("1");
		assertThat(rows("SELECT total_spend, transaction_count FROM member_window_live WHERE member_id = 1002 AND window_start = '2026-03-01 10:10:00'"))
			.containsExactly("10.00|2");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stack.health()).contains("\"status\":\"UP\""));
		assertThat(allDeadLetters()).extracting(ConsumerRecord::value).containsOnlyOnce("{broken 31");
	}

	/** D21: an event stamped far ahead of the clock would close every window up to its time; it is refused. */
	@Test
	@Order(9)
	void anEventFromTheFarFutureGoesToTheDeadLetterTopicAndTheWatermarkStays() {
		String watermark = rows("SELECT watermark FROM local_stack.ingest_state").getFirst();
		send(bet(40, 1002, "Bob", "1.00", "slot", "2099-01-01 00:00:00.000"), heartbeat("2099-01-01 00:00:00.000"));
		send(bet(41, 1002, "Bob", "2.00", "slot", DAY + "10:10:40.000"));

		assertThat(rows("SELECT watermark FROM local_stack.ingest_state")).containsExactly(watermark);
		assertThat(rows("SELECT total_spend, transaction_count FROM member_window_live WHERE member_id = 1002 AND window_start = '2026-03-01 10:10:00'"))
			.containsExactly("12.00|3");
		assertThat(allDeadLetters()).filteredOn(record -> record.value().contains("2099-01-01"))
			.extracting(record -> header(record, "dlt-reason"))
			.hasSize(2)
			.allSatisfy(reason -> assertThat(reason).startsWith("transaction_time 2099-01-01T00:00 is more than 5m ahead of this machine's clock"));
	}

	/** Records that keep arriving older than the watermark: health says DEGRADED (and still answers 200). */
	@Test
	@Order(10)
	void manyLateDropsTurnHealthDegraded() {
		String[] late = IntStream.range(0, 12)
			.mapToObj(i -> bet(50 + i, 1002, "Bob", "1.00", "slot", DAY + "10:00:00.000"))
			.toArray(String[]::new);
		send(late);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stack.health())
			.contains("\"status\":\"DEGRADED\"", "\"lateDropped\":13", "bet and win records read in the last 60s were older than the watermark"));
	}

	private static void send(String... values) {
		stack.sendInOrder(values);
	}

	/**
	 * The stream watermark is the lowest partition watermark; partitions 1 and 2 never get records
	 * and follow partition 0 once idle (5 s after start), so the first steps wait for it.
	 */
	private static void awaitWatermark(String expected) {
		stack.awaitWatermark(expected);
	}

	/** Each window's table (local-schema.sql: the closed ones apart from the open ones), member and start. */
	private static List<String> windowsByTable() {
		return rows("""
				SELECT 'closed', member_id, window_start FROM local_stack.member_window
				UNION ALL SELECT 'open', member_id, window_start FROM local_stack.open_member_window
				ORDER BY 1, 3, 2""");
	}

	private static List<String> rows(String query) {
		return stack.rows(query);
	}

	/** Every record on the dead-letter topic, once the outbox has relayed all it holds. */
	private static List<ConsumerRecord<String, String>> allDeadLetters() {
		await().atMost(Duration.ofSeconds(20)).until(() -> stack.sql()
			.sql("SELECT count(*) FROM local_stack.outbox WHERE failed_at IS NULL")
			.query(Long.class)
			.single() == 0);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringDeserializer(),
				new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(RunningLocalStack.DEAD_LETTER_TOPIC, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return consumer.position(partition) >= end;
			});
			return records;
		}
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
