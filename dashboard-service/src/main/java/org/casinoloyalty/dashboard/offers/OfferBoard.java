package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.live.Watermark;
import org.casinoloyalty.dashboard.redemption.Redemption;
import org.casinoloyalty.dashboard.rules.OfferRule;
import org.casinoloyalty.dashboard.rules.OfferType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Hotel or Drink tab shows before anyone scrolls, from one snapshot: the last closed window's
 * counts and first offers, the members on track in the open window (how many, and the first of them by
 * amount), and the counts of the earlier windows, whose offers are read when a section is opened.
 *
 * @param latest the last closed window, empty until the engine has closed one
 * @param onTrack the open window, empty before the first event
 * @param earlier earlier windows that produced offers, newest first
 */
public record OfferBoard(OfferType type, OfferRule rule, Watermark watermark, Optional<LatestWindow> latest,
		Optional<OnTrack> onTrack, List<WindowCount> earlier) {

	public OfferBoard {
		earlier = List.copyOf(earlier);
	}

	/** One offer and where it stands. {@code redemption} is the row that decided the status, if any. */
	public record Line(Offer offer, OfferStatus status, Redemption redemption) {
	}

	/** @param firstLines its offers by amount, at most {@code PagedQuery.FIRST_ROWS} */
	public record LatestWindow(WindowCount counts, List<Line> firstLines) {

		public LatestWindow {
			firstLines = List.copyOf(firstLines);
		}

	}

	/** @param top its members by amount, at most {@code PagedQuery.FIRST_ROWS} */
	public record OnTrack(LocalDateTime windowStart, OnTrackCount counts, List<Progress> top) {

		public OnTrack {
			top = List.copyOf(top);
		}

	}

	/**
	 * A member's spend (hotel) or loss (drink) so far in the open window against the threshold.
	 *
	 * @param fraction 0..1 of the threshold reached, for a progress bar
	 */
	public record Progress(long memberId, String memberName, BigDecimal amount, BigDecimal threshold, double fraction,
			long transactionCount, LocalDateTime lastTransaction) {

		public static Progress of(OnTrackMember member, BigDecimal threshold) {
			double fraction = threshold.signum() <= 0 ? 1
					: Math.min(1, member.amount().divide(threshold, 4, RoundingMode.HALF_UP).doubleValue());
			return new Progress(member.memberId(), member.memberName(), member.amount(), threshold, fraction,
					member.transactionCount(), member.lastTransaction());
		}

		public boolean qualifies() {
			return amount.compareTo(threshold) >= 0;
		}

	}

	/**
	 * @param windows the offers' counts per window of the history, newest first
	 * @param latestLines the first offers of the last closed window (empty when none closed or none earned)
	 */
	public static OfferBoard build(OfferType type, OfferRule rule, Watermark watermark, List<WindowCount> windows,
			List<Line> latestLines, Optional<OnTrack> onTrack) {
		LocalDateTime lastClosedEnd = watermark.lastClosedWindowEnd();
		Optional<LatestWindow> latest = lastClosedEnd == null ? Optional.empty()
				: Optional.of(new LatestWindow(windows.stream()
					.filter(window -> window.windowEnd().equals(lastClosedEnd))
					.findFirst()
					.orElse(new WindowCount(lastClosedEnd.minus(Watermark.WINDOW), lastClosedEnd, 0, 0, 0)), latestLines));
		List<WindowCount> earlier = windows.stream()
			.filter(window -> lastClosedEnd == null || window.windowEnd().isBefore(lastClosedEnd))
			.toList();
		return new OfferBoard(type, rule, watermark, latest, onTrack, earlier);
	}

	/** Every window of the history with an offer, the last closed one included, newest first. */
	public List<WindowCount> windows() {
		List<WindowCount> windows = new ArrayList<>();
		latest.filter(window -> window.counts().offers() > 0).ifPresent(window -> windows.add(window.counts()));
		windows.addAll(earlier);
		return windows;
	}

	/** Offers awaiting redemption in the history, over every window. */
	public long pending() {
		return latest.map(window -> window.counts().pending()).orElse(0L)
				+ earlier.stream().mapToLong(WindowCount::pending).sum();
	}

}
