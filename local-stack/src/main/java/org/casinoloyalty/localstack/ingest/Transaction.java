package org.casinoloyalty.localstack.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One parsed record of topic {@code gaming-transactions} (design §2). Bets and wins carry every
 * field; a heartbeat needs only its time.
 *
 * @param time event time, UTC, truncated to microseconds like a RisingWave/PostgreSQL TIMESTAMP
 */
record Transaction(Long transactionId, Long memberId, String memberName, String type, BigDecimal amount,
		String gameType, LocalDateTime time) {

	static final String BET = "bet";
	static final String WIN = "win";
	static final String HEARTBEAT = "heartbeat";

	boolean isHeartbeat() {
		return HEARTBEAT.equals(type);
	}

	boolean isBet() {
		return BET.equals(type);
	}

}
