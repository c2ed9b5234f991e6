package org.casinoloyalty.dashboard.members;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One row of {@code member_leaderboard}: a member's all-time totals. */
public record LeaderboardEntry(long memberId, String memberName, BigDecimal lifetimeSpend, BigDecimal lifetimeWinnings,
		BigDecimal lifetimeNet, long lifetimeTransactions, LocalDateTime lastSeen) {
}
