package org.casinoloyalty.dashboard.redemption;

import org.casinoloyalty.dashboard.live.LiveQuery;
import org.casinoloyalty.dashboard.live.LiveRead;
import org.springframework.stereotype.Component;

/** The redemption part of every refresh: today's business date and the recent redemptions. */
@Component
public record RedemptionsLiveQuery(RedemptionService redemptions) implements LiveQuery<RecentRedemptions> {

	@Override
	public RecentRedemptions read(LiveRead read) {
		return new RecentRedemptions(redemptions.businessDate(), redemptions.recent());
	}

}
