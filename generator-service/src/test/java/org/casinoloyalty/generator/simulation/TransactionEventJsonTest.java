package org.casinoloyalty.generator.simulation;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire format of design §2, byte for byte. */
class TransactionEventJsonTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aBetIsWrittenWithSnakeCaseFieldsAndUtcTimeWithoutZoneOrOffset() {
		var bet = new TransactionEvent(1764100000000000L, 1001L, "Alice Chen", "bet", new BigDecimal("250.50"), "slot",
				LocalDateTime.parse("2026-11-25T21:05:09.007"));
		assertThat(json.writeValueAsString(bet)).isEqualTo("""
				{"transaction_id":1764100000000000,"member_id":1001,"member_name":"Alice Chen","transaction_type":"bet",\
				"amount":250.50,"game_type":"slot","transaction_time":"2026-11-25 21:05:09.007"}""");
	}

	@Test
	void aHeartbeatHasNoMemberAmountOrGame() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-25T21:05:09.120Z"), ZoneOffset.UTC);
		var simulator = new CasinoSimulator(MemberRoster.defaultRoster(), new SplittableRandom(1), clock, new TransactionIds(clock));
		assertThat(json.writeValueAsString(simulator.heartbeat())).isEqualTo("""
				{"transaction_id":1795640709120000,"member_id":null,"member_name":null,"transaction_type":"heartbeat",\
				"amount":null,"game_type":null,"transaction_time":"2026-11-25 21:05:09.120"}""");
	}

	@Test
	void eventTimeIsUtcWhateverTheClocksZone() {
		Clock tokyo = Clock.fixed(Instant.parse("2026-11-25T21:05:09.120Z"), ZoneId.of("Asia/Tokyo"));
		var simulator = new CasinoSimulator(MemberRoster.defaultRoster(), new SplittableRandom(1), tokyo, new TransactionIds(tokyo));
		assertThat(simulator.play().getFirst().transactionTime()).isEqualTo(LocalDateTime.parse("2026-11-25T21:05:09.120"));
	}

	@Test
	void transactionIdsOfARestartedGeneratorStartAboveThoseIssuedBefore() {
		Instant start = Instant.parse("2026-11-25T21:00:00Z");
		var before = new TransactionIds(Clock.fixed(start, ZoneOffset.UTC));
		long last = 0;
		for (int i = 0; i < 100_000; i++) {
			last = before.next();
		}
		var afterRestart = new TransactionIds(Clock.fixed(start.plusSeconds(1), ZoneOffset.UTC));
		assertThat(afterRestart.next()).isGreaterThan(last);
	}

}
