package org.casinoloyalty.dashboard.members;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One member's activity in one 5-minute window, a row of {@code member_window_live}; {@code closed}
 * once the same window is in {@code member_daily_summary} (the watermark has passed its end).
 */
public record MemberWindow(long memberId, String memberName, BigDecimal totalSpend, BigDecimal totalWinnings,
		BigDecimal netAmount, long transactionCount, LocalDateTime lastTransaction, LocalDateTime windowStart,
		LocalDateTime windowEnd, boolean closed) {

	/** What the member lost in the window (zero when ahead). */
	public BigDecimal lossAmount() {
		return netAmount.signum() < 0 ? netAmount.negate() : BigDecimal.ZERO;
	}

}
