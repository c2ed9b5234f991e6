package org.casinoloyalty.dashboard.members;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One member's activity in one 5-minute window; {@code closed} once the watermark has passed its end. */
public record MemberWindow(long memberId, String memberName, BigDecimal totalSpend, BigDecimal totalWinnings,
		BigDecimal netAmount, long transactionCount, LocalDateTime lastTransaction, LocalDateTime windowStart,
		LocalDateTime windowEnd, boolean closed) {
}
