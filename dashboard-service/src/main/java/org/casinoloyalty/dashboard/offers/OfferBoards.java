package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.rules.OfferType;

import java.util.List;
import java.util.Map;

/**
 * @param boards what each offer tab shows
 * @param offers every offer read, both types, for figures across types
 */
public record OfferBoards(Map<OfferType, OfferBoard> boards, List<Offer> offers) {

	public OfferBoards {
		boards = Map.copyOf(boards);
		offers = List.copyOf(offers);
	}

	public OfferBoard board(OfferType type) {
		return boards.get(type);
	}

}
