package org.casinoloyalty.generator.simulation;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One record of topic {@code gaming-transactions} (design §2).
 * The time is UTC without offset or {@code Z}: RisingWave turns either into NULL and drops the row.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TransactionEvent(
		@JsonProperty("transaction_id") long transactionId,
		@JsonProperty("member_id") Long memberId,
		@JsonProperty("member_name") String memberName,
		@JsonProperty("transaction_type") String transactionType,
		@JsonProperty("amount") BigDecimal amount,
		@JsonProperty("game_type") String gameType,
		@JsonProperty("transaction_time") @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss.SSS") LocalDateTime transactionTime) {

	public static final String BET = "bet";
	public static final String WIN = "win";
	public static final String HEARTBEAT = "heartbeat";

}
