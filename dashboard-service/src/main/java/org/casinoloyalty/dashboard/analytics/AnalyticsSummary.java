package org.casinoloyalty.dashboard.analytics;

import org.casinoloyalty.dashboard.members.LeaderboardEntry;
import org.casinoloyalty.dashboard.offers.Offer;
import org.casinoloyalty.dashboard.rules.OfferType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Analytics tab's figures, computed from rows the poller has already read (no extra query).
 *
 * @param houseEdge realised margin over all games, null while nothing is wagered
 * @param offersPerWindow hotel and drink offers per closed window, oldest first
 */
public record AnalyticsSummary(long members, long transactions, BigDecimal wagered, BigDecimal paidOut,
		BigDecimal houseNet, BigDecimal houseEdge, List<GameStats> games, List<WindowOfferCount> offersPerWindow) {

	public record WindowOfferCount(LocalDateTime windowStart, int hotel, int drink) {
	}

	public static AnalyticsSummary of(List<GameStats> games, List<LeaderboardEntry> leaderboard, List<Offer> offers) {
		BigDecimal wagered = games.stream().map(GameStats::totalWagered).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal paidOut = games.stream().map(GameStats::totalPaidOut).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal net = wagered.subtract(paidOut);
		BigDecimal edge = wagered.signum() == 0 ? null : net.divide(wagered, 6, RoundingMode.HALF_EVEN);
		long transactions = leaderboard.stream().mapToLong(LeaderboardEntry::lifetimeTransactions).sum();
		Map<LocalDateTime, int[]> counts = new TreeMap<>();
		for (Offer offer : offers) {
			counts.computeIfAbsent(offer.windowStart(), start -> new int[2])[offer.type() == OfferType.HOTEL ? 0 : 1]++;
		}
		List<WindowOfferCount> perWindow = counts.entrySet()
			.stream()
			.map(e -> new WindowOfferCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
		return new AnalyticsSummary(leaderboard.size(), transactions, wagered, paidOut, net, edge, games, perWindow);
	}

}
