package org.casinoloyalty.dashboard.redemption;

import java.time.LocalDate;
import java.util.List;

/**
 * @param businessDate today, for the one-offer-per-day rule
 * @param redemptions the redemptions of the last days, newest first
 */
public record RecentRedemptions(LocalDate businessDate, List<Redemption> redemptions) {

	public RecentRedemptions {
		redemptions = List.copyOf(redemptions);
	}

}
