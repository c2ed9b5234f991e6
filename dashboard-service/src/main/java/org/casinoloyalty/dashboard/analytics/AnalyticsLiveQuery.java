package org.casinoloyalty.dashboard.analytics;

import org.casinoloyalty.dashboard.live.LiveQuery;
import org.casinoloyalty.dashboard.live.LiveRead;
import org.casinoloyalty.dashboard.members.MembersLiveQuery;
import org.casinoloyalty.dashboard.offers.OffersLiveQuery;
import org.springframework.stereotype.Component;

/** The analytics part of every refresh: {@code game_stats}, with figures from the members and offers parts. */
@Component
public record AnalyticsLiveQuery(AnalyticsRepository repository) implements LiveQuery<AnalyticsSummary> {

	@Override
	public AnalyticsSummary read(LiveRead read) {
		return AnalyticsSummary.of(repository.gameStats(), read.part(MembersLiveQuery.class).leaderboard(),
				read.part(OffersLiveQuery.class).offers());
	}

}
