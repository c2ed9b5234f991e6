package org.casinoloyalty.dashboard.fulfillment;

import org.casinoloyalty.dashboard.live.LiveQuery;
import org.casinoloyalty.dashboard.live.LiveRead;
import org.casinoloyalty.dashboard.offers.OfferBoards;
import org.casinoloyalty.dashboard.offers.OfferRows;
import org.casinoloyalty.dashboard.offers.OffersLiveQuery;
import org.casinoloyalty.dashboard.redemption.RedemptionsLiveQuery;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.sql.PagedQuery;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fulfillment part of every refresh: the newest offers awaiting redemption, read window by window with the
 * offers part's counts (usually one statement), and their count.
 */
@Component
public record FulfillmentLiveQuery(OfferRows rows) implements LiveQuery<PendingOffers> {

	@Override
	public PendingOffers read(LiveRead read) {
		LocalDate businessDate = read.part(RedemptionsLiveQuery.class).businessDate();
		OfferBoards boards = read.part(OffersLiveQuery.class);
		long count = Stream.of(OfferType.values()).mapToLong(type -> boards.board(type).pending()).sum();
		return new PendingOffers(read.since(), businessDate, count, count == 0 ? List.of()
				: rows.pending(boards, read.since(), null, null, businessDate, MemberSearch.EVERYONE, 0, PagedQuery.FIRST_ROWS));
	}

}
