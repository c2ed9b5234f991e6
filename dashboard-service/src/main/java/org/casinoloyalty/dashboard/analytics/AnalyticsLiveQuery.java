package org.casinoloyalty.dashboard.analytics;

import org.casinoloyalty.dashboard.live.LiveQuery;
import org.casinoloyalty.dashboard.live.LiveRead;
import org.casinoloyalty.dashboard.offers.OfferBoard;
import org.casinoloyalty.dashboard.offers.OfferBoards;
import org.casinoloyalty.dashboard.offers.OffersLiveQuery;
import org.casinoloyalty.dashboard.offers.WindowCount;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The analytics part of every refresh: {@code game_stats} and the members' totals, with the offers part's counts. */
@Component
public record AnalyticsLiveQuery(AnalyticsRepository repository) implements LiveQuery<AnalyticsSummary> {

	@Override
	public AnalyticsSummary read(LiveRead read) {
		OfferBoards offers = read.part(OffersLiveQuery.class);
		return AnalyticsSummary.of(repository.gameStats(), repository.memberTotals(), windows(offers.board(OfferType.HOTEL)),
				windows(offers.board(OfferType.DRINK)));
	}

	private static List<WindowCount> windows(OfferBoard board) {
		List<WindowCount> windows = new ArrayList<>(board.earlier());
		board.latest().ifPresent(latest -> windows.add(latest.counts()));
		return windows;
	}

}
