package org.casinoloyalty.dashboard.analytics;

import java.math.BigDecimal;

/**
 * One row of {@code game_stats}, from the house's side.
 *
 * @param houseEdge realised margin, house_net / total_wagered; null while nothing is wagered
 */
public record GameStats(String gameType, long betCount, BigDecimal totalWagered, BigDecimal totalPaidOut,
		BigDecimal houseNet, BigDecimal houseEdge) {
}
