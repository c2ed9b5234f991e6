package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.members.MemberWindow;
import org.casinoloyalty.dashboard.live.Watermark;
import org.casinoloyalty.dashboard.redemption.Redemption;
import org.casinoloyalty.dashboard.rules.OfferRule;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfferBoardTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

	private static final LocalDateTime W1 = LocalDateTime.of(2026, 1, 1, 10, 0);

	private static final LocalDateTime W2 = W1.plusMinutes(5);

	private static final OfferRule HOTEL = new OfferRule(OfferType.HOTEL, new BigDecimal("5000"), null);

	private static Offer offer(long member, LocalDateTime window, String spend) {
		return new Offer(OfferType.HOTEL, member, "M" + member, new BigDecimal(spend), BigDecimal.ZERO,
				new BigDecimal(spend), 10, window.plusMinutes(4), window, window.plusMinutes(5));
	}

	private static Redemption redeemed(long member, LocalDateTime window, LocalDate day) {
		return new Redemption(member, "M" + member, OfferType.HOTEL, day, window, window.plusMinutes(5),
				day.atTime(12, 0), "Alice");
	}

	@Test
	void statusFollowsTheRedemptionsAndTheOnePerDayRule() {
		List<Offer> offers = List.of(offer(1, W2, "6000"), offer(2, W2, "7000"), offer(3, W2, "5500"),
				offer(1, W1, "8000"));
		List<Redemption> redemptions = List.of(redeemed(2, W2, TODAY), redeemed(3, W1.minusMinutes(5), TODAY),
				redeemed(1, W1, TODAY.minusDays(1)));

		OfferBoard board = OfferBoard.build(OfferType.HOTEL, HOTEL, new Watermark(W2.plusMinutes(5), W2.plusMinutes(6)),
				offers, redemptions, List.of(), TODAY);

		OfferBoard.WindowOffers latest = board.latest().orElseThrow();
		assertThat(latest.windowStart()).isEqualTo(W2);
		assertThat(latest.lines()).extracting(line -> line.offer().memberId() + ":" + line.status())
			.containsExactly("2:REDEEMED", "1:PENDING", "3:DAILY_LIMIT_REACHED");
		assertThat(board.earlier()).singleElement().satisfies(window -> {
			assertThat(window.windowStart()).isEqualTo(W1);
			assertThat(window.lines()).extracting(OfferBoard.Line::status).containsExactly(OfferStatus.REDEEMED);
		});
		assertThat(board.pending()).extracting(line -> line.offer().memberId()).containsExactly(1L);
	}

	@Test
	void progressIsForTheWindowOfTheLatestEventAndCappedAtTheThreshold() {
		LocalDateTime open = W2;
		List<MemberWindow> windows = List.of(
				new MemberWindow(1, "M1", new BigDecimal("2500"), BigDecimal.ZERO, new BigDecimal("-2500"), 5,
						open.plusSeconds(30), open, open.plusMinutes(5), false),
				new MemberWindow(2, "M2", new BigDecimal("9000"), BigDecimal.ZERO, new BigDecimal("-9000"), 9,
						open.plusSeconds(40), open, open.plusMinutes(5), false),
				new MemberWindow(3, "M3", new BigDecimal("9999"), BigDecimal.ZERO, BigDecimal.ZERO, 9,
						W1.plusSeconds(40), W1, W1.plusMinutes(5), false));

		// Latest event 10:05:05: the watermark (10:04:55) is still in the 10:00 window, play is in 10:05.
		OfferBoard board = OfferBoard.build(OfferType.HOTEL, HOTEL, new Watermark(null, open.plusSeconds(5)), List.of(),
				List.of(), windows, TODAY);

		assertThat(board.latest()).isEmpty();
		assertThat(board.progress()).extracting(OfferBoard.Progress::memberId).containsExactly(2L, 1L);
		assertThat(board.progress()).extracting(OfferBoard.Progress::fraction).containsExactly(1.0, 0.5);
		assertThat(board.progress().getFirst().qualifies()).isTrue();
		assertThat(board.watermark().closingWindowEnd()).isEqualTo(W2);
	}

}
