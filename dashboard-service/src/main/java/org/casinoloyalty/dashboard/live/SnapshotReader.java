package org.casinoloyalty.dashboard.live;

import org.casinoloyalty.dashboard.analytics.AnalyticsRepository;
import org.casinoloyalty.dashboard.analytics.AnalyticsSummary;
import org.casinoloyalty.dashboard.engine.EngineDialect;
import org.casinoloyalty.dashboard.members.LeaderboardEntry;
import org.casinoloyalty.dashboard.members.MemberActivityRepository;
import org.casinoloyalty.dashboard.members.MemberWindow;
import org.casinoloyalty.dashboard.offers.Offer;
import org.casinoloyalty.dashboard.offers.OfferBoard;
import org.casinoloyalty.dashboard.offers.OfferRepository;
import org.casinoloyalty.dashboard.offers.Watermark;
import org.casinoloyalty.dashboard.redemption.Redemption;
import org.casinoloyalty.dashboard.redemption.RedemptionService;
import org.casinoloyalty.dashboard.rules.OfferRule;
import org.casinoloyalty.dashboard.rules.OfferRuleRepository;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One read of everything the tabs show: a fixed number of statements (8), whatever the number of
 * open browsers. History is bounded in event time (before the watermark), not by the server clock,
 * so a replay of old events shows the same picture.
 */
@Component
class SnapshotReader {

	private final EngineDialect dialect;

	private final OfferRepository offers;

	private final OfferRuleRepository rules;

	private final RedemptionService redemptions;

	private final MemberActivityRepository members;

	private final AnalyticsRepository analytics;

	private final LiveProperties properties;

	private final Clock clock;

	SnapshotReader(EngineDialect dialect, OfferRepository offers, OfferRuleRepository rules,
			RedemptionService redemptions, MemberActivityRepository members, AnalyticsRepository analytics,
			LiveProperties properties, Clock clock) {
		this.dialect = dialect;
		this.offers = offers;
		this.rules = rules;
		this.redemptions = redemptions;
		this.members = members;
		this.analytics = analytics;
		this.properties = properties;
		this.clock = clock;
	}

	DashboardSnapshot read() {
		var engine = dialect.engine();
		Watermark watermark = offers.watermark();
		LocalDateTime since = historyStart(watermark);
		Map<OfferType, OfferRule> ruleByType = new EnumMap<>(OfferType.class);
		rules.findAll().forEach(rule -> ruleByType.put(rule.type(), rule));
		for (OfferType type : OfferType.values()) {
			if (!ruleByType.containsKey(type)) {
				throw new IllegalStateException("offer_rules has no '" + type.key() + "' row; the schema seeds it");
			}
		}
		List<Offer> hotel = offers.offersSince(OfferType.HOTEL, since);
		List<Offer> drink = offers.offersSince(OfferType.DRINK, since);
		List<Redemption> recentRedemptions = redemptions.recent();
		List<MemberWindow> windows = members.recentWindows(since);
		List<LeaderboardEntry> leaderboard = members.leaderboard();
		LocalDate today = redemptions.businessDate();
		Map<OfferType, OfferBoard> boards = new EnumMap<>(OfferType.class);
		boards.put(OfferType.HOTEL, OfferBoard.build(OfferType.HOTEL, ruleByType.get(OfferType.HOTEL), watermark, hotel,
				recentRedemptions, windows, today));
		boards.put(OfferType.DRINK, OfferBoard.build(OfferType.DRINK, ruleByType.get(OfferType.DRINK), watermark, drink,
				recentRedemptions, windows, today));
		List<Offer> allOffers = new ArrayList<>(hotel);
		allOffers.addAll(drink);
		return new DashboardSnapshot(clock.instant(), engine, watermark, today, Map.copyOf(ruleByType), Map.copyOf(boards),
				recentRedemptions, AnalyticsSummary.of(analytics.gameStats(), leaderboard, allOffers), leaderboard,
				windows);
	}

	private LocalDateTime historyStart(Watermark watermark) {
		LocalDateTime current = watermark.current();
		return current == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : current.minus(properties.history());
	}

}
