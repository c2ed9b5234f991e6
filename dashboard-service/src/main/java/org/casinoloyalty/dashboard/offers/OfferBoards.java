package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.rules.OfferType;

import java.util.Map;

/** @param boards what each offer tab shows */
public record OfferBoards(Map<OfferType, OfferBoard> boards) {

	public OfferBoards {
		boards = Map.copyOf(boards);
	}

	public OfferBoard board(OfferType type) {
		return boards.get(type);
	}

}
