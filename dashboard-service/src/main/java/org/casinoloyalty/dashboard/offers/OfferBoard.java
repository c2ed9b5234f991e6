package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.members.MemberWindow;
import org.casinoloyalty.dashboard.redemption.Redemption;
import org.casinoloyalty.dashboard.rules.OfferRule;
import org.casinoloyalty.dashboard.live.Watermark;
import org.casinoloyalty.dashboard.rules.OfferType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Hotel or Drink tab shows, computed from one snapshot: the offers of the last closed window,
 * the members on track in the open window, and the earlier windows, each offer with its redemption
 * status.
 *
 * @param latest the last closed window, empty until the engine has closed one
 * @param earlier earlier windows that produced offers, newest first
 */
public record OfferBoard(OfferType type, OfferRule rule, Watermark watermark, Optional<WindowOffers> latest,
		List<Progress> progress, List<WindowOffers> earlier) {

	/** One offer and where it stands. {@code redemption} is the row that decided the status, if any. */
	public record Line(Offer offer, OfferStatus status, Redemption redemption) {
	}

	public record WindowOffers(LocalDateTime windowStart, LocalDateTime windowEnd, List<Line> lines) {
	}

	/**
	 * A member's spend (hotel) or loss (drink) so far in the open window against the threshold.
	 *
	 * @param fraction 0..1 of the threshold reached, for a progress bar
	 */
	public record Progress(long memberId, String memberName, BigDecimal amount, BigDecimal threshold, double fraction,
			long transactionCount, LocalDateTime lastTransaction) {

		public boolean qualifies() {
			return amount.compareTo(threshold) >= 0;
		}

	}

	public static OfferBoard build(OfferType type, OfferRule rule, Watermark watermark, List<Offer> offers,
			List<Redemption> redemptions, List<MemberWindow> windows, LocalDate businessDate) {
		Map<LocalDateTime, List<Line>> byWindow = new LinkedHashMap<>();
		offers.stream()
			.filter(offer -> offer.type() == type)
			.sorted(Comparator.comparing(Offer::windowStart).reversed()
				.thenComparing(Offer::qualifyingAmount, Comparator.reverseOrder()))
			.forEach(offer -> byWindow.computeIfAbsent(offer.windowStart(), start -> new ArrayList<>())
				.add(line(offer, redemptions, businessDate)));
		List<WindowOffers> all = byWindow.values()
			.stream()
			.map(lines -> new WindowOffers(lines.getFirst().offer().windowStart(), lines.getFirst().offer().windowEnd(),
					List.copyOf(lines)))
			.toList();
		LocalDateTime lastClosedEnd = watermark.lastClosedWindowEnd();
		Optional<WindowOffers> latest = lastClosedEnd == null ? Optional.empty()
				: Optional.of(all.stream()
					.filter(window -> window.windowEnd().equals(lastClosedEnd))
					.findFirst()
					.orElse(new WindowOffers(lastClosedEnd.minus(Watermark.WINDOW), lastClosedEnd, List.of())));
		List<WindowOffers> earlier = all.stream()
			.filter(window -> lastClosedEnd == null || window.windowEnd().isBefore(lastClosedEnd))
			.toList();
		return new OfferBoard(type, rule, watermark, latest, progress(type, rule, watermark, windows), earlier);
	}

	/** Offers still awaiting redemption, newest window first. */
	public List<Line> pending() {
		List<Line> pending = new ArrayList<>();
		latest.ifPresent(window -> window.lines().stream().filter(l -> l.status() == OfferStatus.PENDING).forEach(pending::add));
		earlier.forEach(window -> window.lines().stream().filter(l -> l.status() == OfferStatus.PENDING).forEach(pending::add));
		return pending;
	}

	private static Line line(Offer offer, List<Redemption> redemptions, LocalDate businessDate) {
		Redemption sameDay = null;
		for (Redemption redemption : redemptions) {
			if (redemption.memberId() != offer.memberId() || redemption.offerType() != offer.type()) {
				continue;
			}
			if (redemption.windowStart().equals(offer.windowStart())) {
				return new Line(offer, OfferStatus.REDEEMED, redemption);
			}
			if (redemption.redemptionDate().equals(businessDate)) {
				sameDay = redemption;
			}
		}
		return sameDay == null ? new Line(offer, OfferStatus.PENDING, null)
				: new Line(offer, OfferStatus.DAILY_LIMIT_REACHED, sameDay);
	}

	private static List<Progress> progress(OfferType type, OfferRule rule, Watermark watermark,
			List<MemberWindow> windows) {
		LocalDateTime open = watermark.openWindowStart();
		if (open == null) {
			return List.of();
		}
		BigDecimal threshold = rule.threshold();
		return windows.stream()
			.filter(window -> window.windowStart().equals(open))
			.map(window -> {
				BigDecimal amount = type == OfferType.HOTEL ? window.totalSpend() : window.lossAmount();
				double fraction = threshold.signum() <= 0 ? 1
						: Math.min(1, amount.divide(threshold, 4, RoundingMode.HALF_UP).doubleValue());
				return new Progress(window.memberId(), window.memberName(), amount, threshold, fraction,
						window.transactionCount(), window.lastTransaction());
			})
			.sorted(Comparator.comparingDouble(Progress::fraction).reversed().thenComparingLong(Progress::memberId))
			.toList();
	}

}
