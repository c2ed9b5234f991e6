package org.casinoloyalty.localstack.outbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casinoloyalty.localstack.RunningLocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casinoloyalty.localstack.Events.bet;
import static org.casinoloyalty.localstack.Events.heartbeat;
import static org.casinoloyalty.localstack.Events.win;

/**
 * Offers and redemptions handed downstream in local mode (topics loyalty-offers and
 * loyalty-redemptions): once per offer when its window closes, under the rule in force then,
 * and none lost across a restart.
 */
class OutboxTest {

	private static final String DAY = "2026-03-01 ";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dataDirectory;

	@Test
	void anOfferGoesOutOnceWhenItsWindowClosesUnderTheRuleInForceThen() {
		try (RunningLocalStack stack = RunningLocalStack.start(dataDirectory);
				KafkaConsumer<String, String> consumer = consumer(stack, "loyalty-offers")) {
			play(stack, bet(1, 1001, "Alice", "5500.50", "slot", DAY + "10:01:30.000"),
					win(2, 1001, "Alice", "400.25", "slot", DAY + "10:01:31.000"),
					bet(3, 1002, "Bob", "1250.00", "poker", DAY + "10:02:00.000"),
					bet(4, 1003, "Carol", "3000.00", "poker", DAY + "10:03:00.000"));
			closeUpTo(stack, DAY + "10:05:10.000");

			List<ConsumerRecord<String, String>> first = poll(consumer, 4);
			assertThat(first).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("1001", "1001", "1002", "1003");
			assertThat(first).extracting(record -> JSON.readTree(record.value()).get("offer_id").asString())
				.doesNotContain("hotel:1003:2026-03-01 10:00:00");
			JsonNode aliceHotel = only(first, offer -> offer.get("offer_id").asString().startsWith("hotel:1001:"));
			assertThat(JSON.writeValueAsString(aliceHotel)).isEqualTo(JSON.writeValueAsString(JSON.readTree("""
					{"member_id":1001,"member_name":"Alice","total_spend":5500.5,"transaction_count":2,"net_amount":-5100.25,
					 "last_transaction":"2026-03-01 10:01:31.000","window_start":"2026-03-01 10:00:00.000",
					 "window_end":"2026-03-01 10:05:00.000","reward_type":"Complimentary Hotel Room (1 night)",
					 "offer_type":"hotel","offer_id":"hotel:1001:2026-03-01 10:00:00"}""")));
			JsonNode bobDrink = only(first, offer -> offer.get("member_id").asLong() == 1002);
			assertThat(bobDrink.get("offer_type").asString()).isEqualTo("drink");
			assertThat(bobDrink.get("loss_amount").asDouble()).isEqualTo(1250.0);
			assertThat(bobDrink.get("offer_id").asString()).isEqualTo("drink:1002:2026-03-01 10:00:00");

			// Carol's closed window qualifies under the lower rule: the view shows it, the topic does not (D20)
			stack.sql().sql("UPDATE offer_rules SET threshold = 2000 WHERE offer_type = 'hotel'").update();
			assertThat(stack.sql().sql("SELECT count(*) FROM hotel_room_offers WHERE member_id = 1003").query(Long.class).single())
				.isEqualTo(1);
			play(stack, bet(5, 1003, "Carol", "2500.00", "slot", DAY + "10:06:00.000"));
			closeUpTo(stack, DAY + "10:10:10.000");

			List<ConsumerRecord<String, String>> second = poll(consumer, 2);
			assertThat(second).extracting(record -> JSON.readTree(record.value()).get("offer_id").asString())
				.containsExactlyInAnyOrder("hotel:1003:2026-03-01 10:05:00", "drink:1003:2026-03-01 10:05:00");
			assertThat(consumer.poll(Duration.ofSeconds(1))).as("nothing for Carol's first window, ever").isEmpty();
		}
	}

	@Test
	void aRedemptionGoesOutOnceAndARefusedDuplicateNotAtAll() {
		try (RunningLocalStack stack = RunningLocalStack.start(dataDirectory);
				KafkaConsumer<String, String> consumer = consumer(stack, "loyalty-redemptions")) {
			String redeem = """
					INSERT INTO redeemed_offers VALUES (1001, 'Alice', 'hotel', DATE '2026-03-01',
					  TIMESTAMP '2026-03-01 10:00:00', TIMESTAMP '2026-03-01 10:05:00', TIMESTAMP '2026-03-01 10:07:12.5', ?)""";
			stack.sql().sql(redeem).param("host").update();
			stack.sql().sql(redeem).param("manager").update();

			List<ConsumerRecord<String, String>> records = poll(consumer, 1);
			assertThat(records).singleElement().satisfies(record -> {
				assertThat(record.key()).isEqualTo("1001");
				assertThat(JSON.writeValueAsString(JSON.readTree(record.value()))).isEqualTo(JSON.writeValueAsString(JSON.readTree("""
						{"member_id":1001,"member_name":"Alice","offer_type":"hotel","offer_id":"hotel:1001:2026-03-01 10:00:00",
						 "redemption_date":"2026-03-01","window_start":"2026-03-01 10:00:00.000","window_end":"2026-03-01 10:05:00.000",
						 "redeemed_at":"2026-03-01 10:07:12.500","redeemed_by":"host"}""")));
			});
			assertThat(consumer.poll(Duration.ofSeconds(1))).isEmpty();
		}
	}

	@Test
	void recordsWaitingInTheOutboxWhenLocalStackStopsGoOutAfterTheRestartNoneLostNoneTwice() {
		// a relay that looks only once an hour: the offers stay in the outbox until the stop
		try (RunningLocalStack stack = RunningLocalStack.start(dataDirectory, "--casino.local-stack.outbox.poll-interval=1h")) {
			await().atMost(Duration.ofSeconds(10)).until(() -> stack.health().contains("\"outbox\""));
			play(stack, bet(1, 1001, "Alice", "6000.00", "slot", DAY + "10:01:00.000"),
					bet(2, 1002, "Bob", "7000.00", "slot", DAY + "10:02:00.000"));
			closeUpTo(stack, DAY + "10:05:10.000");
			assertThat(stack.sql().sql("SELECT count(*) FROM local_stack.outbox").query(Long.class).single()).isEqualTo(4);
		}
		try (RunningLocalStack stack = RunningLocalStack.start(dataDirectory);
				KafkaConsumer<String, String> consumer = consumer(stack, "loyalty-offers")) {
			List<ConsumerRecord<String, String>> records = poll(consumer, 4);
			assertThat(records).extracting(record -> JSON.readTree(record.value()).get("offer_id").asString())
				.containsExactlyInAnyOrder("hotel:1001:2026-03-01 10:00:00", "drink:1001:2026-03-01 10:00:00",
						"hotel:1002:2026-03-01 10:00:00", "drink:1002:2026-03-01 10:00:00");
			assertThat(consumer.poll(Duration.ofSeconds(1))).isEmpty();
			assertThat(stack.sql().sql("SELECT count(*) FROM local_stack.outbox").query(Long.class).single()).isZero();
		}
	}

	/** A record the broker refuses for itself (here: larger than a request may be) must not hold up those behind it. */
	@Test
	void aRecordTheBrokerRefusesIsParkedAfterItsAttemptsAndTheRecordsBehindItGoOut() {
		try (RunningLocalStack stack = RunningLocalStack.start(dataDirectory, "--casino.local-stack.outbox.max-attempts=3");
				KafkaConsumer<String, String> consumer = consumer(stack, "loyalty-redemptions")) {
			String insert = "INSERT INTO local_stack.outbox (topic, record_key, payload) VALUES ('loyalty-redemptions', ?, ?)";
			stack.sql().sql(insert).param("1001".getBytes(UTF_8)).param("x".repeat(2_000_000).getBytes(UTF_8)).update();
			stack.sql().sql(insert).param("1002".getBytes(UTF_8)).param("{\"behind\":true}".getBytes(UTF_8)).update();

			assertThat(poll(consumer, 1)).singleElement().satisfies(record -> {
				assertThat(record.key()).isEqualTo("1002");
				assertThat(record.value()).isEqualTo("{\"behind\":true}");
			});
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stack.health())
				.contains("\"status\":\"DEGRADED\"", "\"parked\":1", "\"pending\":0"));
			assertThat(stack.sql().sql("SELECT attempts || ' ' || failure FROM local_stack.outbox").query(String.class).single())
				.startsWith("3 org.apache.kafka.common.errors.RecordTooLargeException");
		}
	}

	/** A data directory of the release before (text outbox, no retry columns) keeps its waiting records. */
	@Test
	void anOutboxOfTheFirstReleaseIsTakenOverWithTheRecordsInIt() {
		try (RunningLocalStack stack = RunningLocalStack.start(dataDirectory, "--casino.local-stack.outbox.poll-interval=1h")) {
			await().atMost(Duration.ofSeconds(10)).until(() -> stack.health().contains("\"outbox\""));
			stack.sql().sql("DROP TABLE local_stack.outbox").update();
			stack.sql().sql("""
					CREATE TABLE local_stack.outbox (id BIGSERIAL PRIMARY KEY, topic VARCHAR NOT NULL,
					  record_key VARCHAR NOT NULL, payload TEXT NOT NULL)""").update();
			stack.sql().sql("INSERT INTO local_stack.outbox (topic, record_key, payload) VALUES ('loyalty-redemptions', '1001', '{\"old\":true}')")
				.update();
		}
		try (RunningLocalStack stack = RunningLocalStack.start(dataDirectory);
				KafkaConsumer<String, String> consumer = consumer(stack, "loyalty-redemptions")) {
			assertThat(poll(consumer, 1)).singleElement().satisfies(record -> {
				assertThat(record.key()).isEqualTo("1001");
				assertThat(record.value()).isEqualTo("{\"old\":true}");
			});
		}
	}

	private static void play(RunningLocalStack stack, String... values) {
		for (String value : values) {
			stack.send(0, "key", value);
		}
		stack.awaitIngested(Duration.ofSeconds(30));
	}

	/** A heartbeat on every partition at {@code time}: the watermark reaches it − 10 s at once. */
	private static void closeUpTo(RunningLocalStack stack, String time) {
		for (int partition = 0; partition < 3; partition++) {
			stack.send(partition, null, heartbeat(time));
		}
		stack.awaitIngested(Duration.ofSeconds(30));
	}

	private static KafkaConsumer<String, String> consumer(RunningLocalStack stack, String topic) {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + System.nanoTime(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(List.of(topic));
		return consumer;
	}

	private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, int count) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			return records.size() >= count;
		});
		assertThat(records).hasSize(count);
		return records;
	}

	private static JsonNode only(List<ConsumerRecord<String, String>> records, Predicate<JsonNode> which) {
		List<JsonNode> found = records.stream().map(record -> JSON.readTree(record.value())).filter(which).toList();
		assertThat(found).hasSize(1);
		return found.getFirst();
	}

}
