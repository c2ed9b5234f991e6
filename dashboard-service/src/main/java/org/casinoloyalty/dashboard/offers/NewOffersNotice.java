package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.rules.OfferType;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The short notice for a burst of new offers: "3 new hotel offers, 15:00-15:05". */
final class NewOffersNotice {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

	/** One record of topic loyalty-offers, as far as the notice needs it. */
	record NewOffer(String offerId, OfferType type, LocalDateTime windowStart, LocalDateTime windowEnd) {
	}

	private NewOffersNotice() {
	}

	static String describe(Collection<NewOffer> offers) {
		Map<OfferType, Long> counts = new TreeMap<>();
		offers.forEach(offer -> counts.merge(offer.type(), 1L, Long::sum));
		List<String> parts = new ArrayList<>();
		counts.forEach((type, count) -> parts.add(count + " new " + type.name().toLowerCase() + (count == 1 ? " offer" : " offers")));
		LocalDateTime from = offers.stream().map(NewOffer::windowStart).min(Comparator.naturalOrder()).orElseThrow();
		LocalDateTime to = offers.stream().map(NewOffer::windowEnd).max(Comparator.naturalOrder()).orElseThrow();
		return String.join(" and ", parts) + ", " + CLOCK.format(from) + "-" + CLOCK.format(to);
	}

}
