package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.live.LiveQuery;
import org.casinoloyalty.dashboard.live.LiveRead;
import org.casinoloyalty.dashboard.members.MemberActivity;
import org.casinoloyalty.dashboard.members.MembersLiveQuery;
import org.casinoloyalty.dashboard.redemption.RecentRedemptions;
import org.casinoloyalty.dashboard.redemption.RedemptionsLiveQuery;
import org.casinoloyalty.dashboard.rules.OfferRules;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.rules.RulesLiveQuery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The offers part of every refresh: one read of each offer view, each offer with its redemption
 * status, and the members on track against the rule in force.
 */
@Component
public record OffersLiveQuery(OfferRepository repository) implements LiveQuery<OfferBoards> {

	@Override
	public OfferBoards read(LiveRead read) {
		OfferRules rules = read.part(RulesLiveQuery.class);
		RecentRedemptions redemptions = read.part(RedemptionsLiveQuery.class);
		MemberActivity members = read.part(MembersLiveQuery.class);
		Map<OfferType, OfferBoard> boards = new EnumMap<>(OfferType.class);
		List<Offer> all = new ArrayList<>();
		for (OfferType type : OfferType.values()) {
			List<Offer> offers = repository.offersSince(type, read.since());
			all.addAll(offers);
			boards.put(type, OfferBoard.build(type, rules.get(type), read.watermark(), offers, redemptions.redemptions(),
					members.windows(), redemptions.businessDate()));
		}
		return new OfferBoards(boards, all);
	}

}
