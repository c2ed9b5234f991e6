package org.casinoloyalty.dashboard.analytics;

import org.casinoloyalty.dashboard.offers.WindowCount;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Analytics tab's figures: the games, the members' totals, and the offers' counts per window,
 * which the offers part has read already.
 *
 * @param houseEdge realised margin over all games, null while nothing is wagered
 * @param offersPerWindow hotel and drink offers per closed window, oldest first
 */
public record AnalyticsSummary(long members, long transactions, BigDecimal wagered, BigDecimal paidOut,
		BigDecimal houseNet, BigDecimal houseEdge, List<GameStats> games, List<WindowOfferCount> offersPerWindow) {

	public record WindowOfferCount(LocalDateTime windowStart, long hotel, long drink) {
	}

	/**
	 * @param members how many members have played, and their transactions in all ({@code member_leaderboard})
	 * @param hotel the hotel offers' count per window, any order
	 * @param drink the drink offers' count per window, any order
	 */
	public static AnalyticsSummary of(List<GameStats> games, MemberTotals members, List<WindowCount> hotel,
			List<WindowCount> drink) {
		BigDecimal wagered = games.stream().map(GameStats::totalWagered).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal paidOut = games.stream().map(GameStats::totalPaidOut).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal net = wagered.subtract(paidOut);
		BigDecimal edge = wagered.signum() == 0 ? null : net.divide(wagered, 6, RoundingMode.HALF_EVEN);
		Map<LocalDateTime, long[]> counts = new TreeMap<>();
		hotel.forEach(window -> counts.computeIfAbsent(window.windowStart(), start -> new long[2])[0] = window.offers());
		drink.forEach(window -> counts.computeIfAbsent(window.windowStart(), start -> new long[2])[1] = window.offers());
		List<WindowOfferCount> perWindow = counts.entrySet()
			.stream()
			.map(e -> new WindowOfferCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
		return new AnalyticsSummary(members.members(), members.transactions(), wagered, paidOut, net, edge, games,
				perWindow);
	}

}
