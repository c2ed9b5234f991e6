package org.casinoloyalty.generator.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonSerialize;

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
		@JsonProperty("transaction_time") @JsonSerialize(using = EventTimeSerializer.class) LocalDateTime transactionTime) {

	public static final String BET = "bet";
	public static final String WIN = "win";
	public static final String HEARTBEAT = "heartbeat";

}
