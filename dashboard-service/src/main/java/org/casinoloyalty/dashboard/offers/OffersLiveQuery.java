package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.live.LiveQuery;
import org.casinoloyalty.dashboard.live.LiveRead;
import org.casinoloyalty.dashboard.live.Watermark;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.redemption.RedemptionsLiveQuery;
import org.casinoloyalty.dashboard.rules.OfferRule;
import org.casinoloyalty.dashboard.rules.OfferRules;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.rules.RulesLiveQuery;
import org.casinoloyalty.dashboard.sql.PagedQuery;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offers part of every refresh, five statements per offer type whatever the number of members: the
 * redemptions per window (two counts; each closed window's offers are counted once, {@link OfferRows}),
 * the first offers of the last closed window, and the open window's count and first members on track
 * against the rule in force.
 */
@Component
public record OffersLiveQuery(OfferRepository repository, OfferRows rows) implements LiveQuery<OfferBoards> {

	@Override
	public OfferBoards read(LiveRead read) {
		OfferRules rules = read.part(RulesLiveQuery.class);
		LocalDate businessDate = read.part(RedemptionsLiveQuery.class).businessDate();
		LocalDateTime lastClosedEnd = read.watermark().lastClosedWindowEnd();
		LocalDateTime open = read.watermark().openWindowStart();
		Map<OfferType, OfferBoard> boards = new EnumMap<>(OfferType.class);
		for (OfferType type : OfferType.values()) {
			OfferRule rule = rules.get(type);
			List<OfferBoard.Line> latest = lastClosedEnd == null ? List.of()
					: rows.window(type, lastClosedEnd.minus(Watermark.WINDOW), businessDate,
							MemberSearch.EVERYONE, null, 0, PagedQuery.FIRST_ROWS);
			Optional<OfferBoard.OnTrack> onTrack = open == null ? Optional.empty()
					: Optional.of(new OfferBoard.OnTrack(open, repository.onTrackCount(type, open, rule.threshold()),
							rows.onTrack(type, open, rule.threshold(), MemberSearch.EVERYONE, null, 0, PagedQuery.FIRST_ROWS)));
			List<WindowCount> windows = lastClosedEnd == null ? List.of()
					: rows.windowCounts(type, rule.threshold(), read.since(), lastClosedEnd, businessDate);
			boards.put(type, OfferBoard.build(type, rule, read.watermark(), windows, latest, onTrack));
		}
		return new OfferBoards(boards);
	}

}
