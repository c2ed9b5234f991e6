package org.casinoloyalty.dashboard.fulfillment;

import org.casinoloyalty.dashboard.offers.OfferBoard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The offers awaiting redemption, as the Fulfillment tab shows them before anyone filters or scrolls.
 *
 * @param since start of the history (event time) the list covers
 * @param businessDate today, for the one-offer-per-day rule
 * @param count how many await redemption, both types
 * @param firstLines the newest of them, at most {@code PagedQuery.FIRST_ROWS}
 */
public record PendingOffers(LocalDateTime since, LocalDate businessDate, long count, List<OfferBoard.Line> firstLines) {

	public PendingOffers {
		firstLines = List.copyOf(firstLines);
	}

}
