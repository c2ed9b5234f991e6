package org.casinoloyalty.dashboard.analytics;

import org.casinoloyalty.dashboard.live.LiveQuery;
import org.casinoloyalty.dashboard.live.LiveRead;
import org.casinoloyalty.dashboard.offers.OfferBoards;
import org.casinoloyalty.dashboard.offers.OffersLiveQuery;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.springframework.stereotype.Component;


/** The analytics part of every refresh: {@code game_stats} and the members' totals, with the offers part's counts. */
@Component
public record AnalyticsLiveQuery(AnalyticsRepository repository) implements LiveQuery<AnalyticsSummary> {

	@Override
	public AnalyticsSummary read(LiveRead read) {
		OfferBoards offers = read.part(OffersLiveQuery.class);
		return AnalyticsSummary.of(repository.gameStats(), repository.memberTotals(),
				offers.board(OfferType.HOTEL).windows(), offers.board(OfferType.DRINK).windows());
	}

}
