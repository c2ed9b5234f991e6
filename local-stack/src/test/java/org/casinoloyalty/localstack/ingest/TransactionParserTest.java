package org.casinoloyalty.localstack.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionParserTest {

	/** The machine's clock in these tests; the events are stamped around it. */
	private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	private final TransactionParser parser = new TransactionParser(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

	@Test
	void readsABetAsTheGeneratorWritesIt() {
		Transaction bet = parse("""
				{"transaction_id":17,"member_id":1001,"member_name":"Alice","transaction_type":"bet","amount":250.50,
				 "game_type":"slot","transaction_time":"2026-01-01 12:00:00.123"}""");
		assertThat(bet).isEqualTo(new Transaction(17L, 1001L, "Alice", "bet", new BigDecimal("250.50"), "slot",
				LocalDateTime.parse("2026-01-01T12:00:00.123")));
	}

	@Test
	void acceptsWhatRisingWaveAcceptsNumbersAsStringsATSeparatorNanosecondsAndExtraFields() {
		Transaction win = parse("""
				{"transaction_id":"18","member_id":"1002","member_name":"Bob","transaction_type":"win","amount":"99.9",
				 "game_type":"poker","transaction_time":"2026-01-01T12:00:00.123456789","extra":true}""");
		assertThat(win.transactionId()).isEqualTo(18L);
		assertThat(win.memberId()).isEqualTo(1002L);
		assertThat(win.amount()).isEqualByComparingTo("99.9");
		assertThat(win.time()).isEqualTo(LocalDateTime.parse("2026-01-01T12:00:00.123456"));
	}

	@Test
	void aHeartbeatNeedsOnlyItsTime() {
		Transaction heartbeat = parse("""
				{"transaction_id":null,"member_id":null,"member_name":null,"transaction_type":"heartbeat","amount":null,
				 "game_type":null,"transaction_time":"2026-01-01 12:00:01"}""");
		assertThat(heartbeat.isHeartbeat()).isTrue();
		assertThat(heartbeat.time()).isEqualTo(LocalDateTime.parse("2026-01-01T12:00:01"));
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			``| empty record value
			[1, 2]| not a JSON object
			{"transaction_type":"bet"}| transaction_time is missing
			{"transaction_time":"2026-01-01 12:00:00"}| transaction_type is missing
			{"transaction_type":"bet","transaction_time":"2026-02-30 12:00:00"}| transaction_time '2026-02-30 12:00:00' is not a valid date and time
			{"transaction_type":"bet","transaction_time":"0000-01-01 12:00:00"}| transaction_time '0000-01-01 12:00:00' is not a valid date and time
			{"transaction_id":1,"member_id":7,"member_name":"A\\u0000B","transaction_type":"bet","transaction_time":"2026-01-01 12:00:00"}| member_name contains a NUL character, which PostgreSQL text cannot hold
			{"transaction_id":1,"member_id":7,"member_name":"A","transaction_type":"bet","amount":1e40,"game_type":"slot","transaction_time":"2026-01-01 12:00:00"}| amount '1E+40' is outside RisingWave's DECIMAL range
			{"transaction_type":"bet","transaction_time":"2026-01-01 12:00"}| transaction_time '2026-01-01 12:00' is not 'yyyy-MM-dd HH:mm:ss.SSS' (UTC, without Z or an offset)
			{"transaction_type":"bet","transaction_time":1767268800}| transaction_time must be a non-empty string, got '1767268800'
			{"transaction_id":1,"member_id":1.5,"transaction_type":"bet","transaction_time":"2026-01-01 12:00:00"}| member_id must be an integer, got '1.5'
			{"transaction_id":1,"member_id":7,"transaction_type":"bet","transaction_time":"2026-01-01 12:00:00"}| member_name is missing (required in a bet record)
			{"transaction_id":1,"member_id":7,"member_name":"","transaction_type":"bet","transaction_time":"2026-01-01 12:00:00"}| member_name must be a non-empty string, got '""'
			{"transaction_id":1,"member_id":7,"member_name":"A","transaction_type":"win","amount":-5,"game_type":"slot","transaction_time":"2026-01-01 12:00:00"}| amount -5 of a win is not greater than 0
			{"transaction_id":1,"member_id":7,"member_name":"A","transaction_type":"win","amount":5,"transaction_time":"2026-01-01 12:00:00"}| game_type is missing (required in a win record)
			""")
	void rejectsWithTheReason(String value, String reason) {
		assertThatThrownBy(() -> parse(value)).isInstanceOf(RejectedRecordException.class).hasMessage(reason);
	}

	@Test
	void anEventUpToTheSkewAheadOfTheClockIsTakenAndOneFurtherAheadIsRefusedHeartbeatsToo() {
		assertThat(parse(heartbeatAt("2026-01-01 12:05:00")).time()).isEqualTo(LocalDateTime.parse("2026-01-01T12:05:00"));
		assertThatThrownBy(() -> parse(heartbeatAt("2026-01-01 12:05:00.001"))).isInstanceOf(RejectedRecordException.class)
			.hasMessage("transaction_time 2026-01-01T12:05:00.001 is more than 5m ahead of this machine's clock"
					+ " (2026-01-01T12:00 UTC): it would close every window up to then and make all later events late"
					+ " (casino.local-stack.ingest.max-future-skew)");
		assertThatThrownBy(() -> parse("""
				{"transaction_id":1,"member_id":7,"member_name":"A","transaction_type":"bet","amount":5,"game_type":"slot",
				 "transaction_time":"2099-01-01 00:00:00"}""")).isInstanceOf(RejectedRecordException.class)
			.hasMessageStartingWith("transaction_time 2099-01-01T00:00 is more than 5m ahead");
	}

	private static String heartbeatAt(String time) {
		return """
				{"transaction_type":"heartbeat","transaction_time":"%s"}""".formatted(time);
	}

	private Transaction parse(String value) {
		return parser.parse(value.getBytes(StandardCharsets.UTF_8));
	}

}
