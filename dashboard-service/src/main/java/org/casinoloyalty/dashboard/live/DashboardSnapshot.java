package org.casinoloyalty.dashboard.live;

import org.casinoloyalty.dashboard.analytics.AnalyticsSummary;
import org.casinoloyalty.dashboard.engine.Engine;
import org.casinoloyalty.dashboard.members.LeaderboardEntry;
import org.casinoloyalty.dashboard.members.MemberWindow;
import org.casinoloyalty.dashboard.offers.OfferBoard;
import org.casinoloyalty.dashboard.offers.Watermark;
import org.casinoloyalty.dashboard.redemption.Redemption;
import org.casinoloyalty.dashboard.rules.OfferRule;
import org.casinoloyalty.dashboard.rules.OfferType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything every tab shows, read once per refresh and shared (immutable) by all open browsers.
 *
 * @param readAt server time of the read, for "updated at"
 */
public record DashboardSnapshot(Instant readAt, Engine engine, Watermark watermark, LocalDate businessDate,
		Map<OfferType, OfferRule> rules, Map<OfferType, OfferBoard> boards, List<Redemption> redemptions,
		AnalyticsSummary analytics, List<LeaderboardEntry> leaderboard, List<MemberWindow> memberWindows) {

	public OfferBoard board(OfferType type) {
		return boards.get(type);
	}

}
