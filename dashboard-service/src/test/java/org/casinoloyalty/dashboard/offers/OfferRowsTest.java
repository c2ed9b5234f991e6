package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.live.Watermark;
import org.casinoloyalty.dashboard.rules.OfferRule;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.sql.PagedQuery.Sort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Offers a page at a time with the status the engine joins in (design §5), searched and sorted on the engine. */
class OfferRowsTest extends DatabaseTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

	private static final LocalDateTime W1 = LocalDateTime.of(2026, 1, 1, 10, 0);

	private static final LocalDateTime W2 = W1.plusMinutes(5);

	@Autowired
	OfferRows rows;

	@Autowired
	OfferRepository repository;

	@BeforeEach
	void twoWindowsAndThreeRedemptions() {
		TestDatabase.closedWindow(1, "Ann Moss", W2, "6000.00", "6000.00", 10);
		TestDatabase.closedWindow(2, "Bob Moss", W2, "7000.00", "7000.00", 10);
		TestDatabase.closedWindow(3, "Cy_Lee", W2, "5500.00", "5500.00", 10);
		TestDatabase.closedWindow(1, "Ann Moss", W1, "8000.00", "8000.00", 10);
		redeemed(2, "Bob Moss", W2, TODAY);
		redeemed(3, "Cy_Lee", W1.minusMinutes(5), TODAY);
		redeemed(1, "Ann Moss", W1, TODAY.minusDays(1));
	}

	private static void redeemed(long member, String name, LocalDateTime window, LocalDate day) {
		TestDatabase.sql().sql("INSERT INTO redeemed_offers VALUES (?, ?, 'hotel', ?, ?, ?, ?, 'alice')")
			.params(member, name, day, window, window.plusMinutes(5), day.atTime(12, 0))
			.update();
	}

	@Test
	void statusFollowsTheRedemptionsAndTheOnePerDayRule() {
		assertThat(rows.window(OfferType.HOTEL, W2, TODAY, MemberSearch.EVERYONE, null, 0, 50))
			.extracting(line -> line.offer().memberId() + ":" + line.status())
			.containsExactly("2:REDEEMED", "1:PENDING", "3:DAILY_LIMIT_REACHED");
		assertThat(rows.window(OfferType.HOTEL, W2, TODAY, MemberSearch.EVERYONE, null, 0, 50).getLast().redemption())
			.satisfies(today -> {
				assertThat(today.windowStart()).isEqualTo(W1.minusMinutes(5));
				assertThat(today.redemptionDate()).isEqualTo(TODAY);
			});
		assertThat(rows.window(OfferType.HOTEL, W1, TODAY, MemberSearch.EVERYONE, null, 0, 50))
			.extracting(OfferBoard.Line::status)
			.containsExactly(OfferStatus.REDEEMED);
		assertThat(hotelCounts()).containsExactly(new WindowCount(W2, W2.plusMinutes(5), 3, 1, 1),
				new WindowCount(W1, W1.plusMinutes(5), 1, 1, 0));
		OfferBoards boards = boards();
		assertThat(rows.pending(boards, W1, null, null, TODAY, MemberSearch.EVERYONE, 0, 50))
			.extracting(line -> line.offer().type() + ":" + line.offer().memberId() + ":" + line.offer().windowStart())
			.containsExactly("HOTEL:1:" + W2);
		assertThat(rows.pending(boards, W1, null, null, TODAY, new MemberSearch("ann"), 0, 50))
			.extracting(line -> line.offer().memberId())
			.containsExactly(1L);
		assertThat(rows.pending(boards, W1, OfferType.DRINK, null, TODAY, MemberSearch.EVERYONE, 0, 50)).isEmpty();
		assertThat(rows.pending(boards, W1, OfferType.HOTEL, TODAY.plusDays(1), TODAY, MemberSearch.EVERYONE, 0, 50)).isEmpty();
	}

	/** Pages of the pending list cross windows newest first, highest amount first within each. */
	@Test
	void thePendingListPagesWindowByWindow() {
		LocalDateTime w3 = W2.plusMinutes(5);
		TestDatabase.closedWindow(4, "Di Ray", w3, "9000.00", "9000.00", 10);
		TestDatabase.closedWindow(5, "Ed Ray", w3, "6500.00", "6500.00", 10);
		OfferBoards boards = new OfferBoards(Map.of(OfferType.HOTEL, board(OfferType.HOTEL, w3.plusMinutes(5)),
				OfferType.DRINK, board(OfferType.DRINK, w3.plusMinutes(5))));

		assertThat(rows.pending(boards, W1, null, null, TODAY, MemberSearch.EVERYONE, 0, 50))
			.extracting(line -> line.offer().memberId() + "@" + line.offer().windowStart().getMinute())
			.containsExactly("4@10", "5@10", "1@5");
		assertThat(rows.pending(boards, W1, null, null, TODAY, MemberSearch.EVERYONE, 1, 2))
			.extracting(line -> line.offer().memberId())
			.containsExactly(5L, 1L);
		assertThat(rows.pending(boards, W1, null, null, TODAY, MemberSearch.EVERYONE, 2, 50))
			.extracting(line -> line.offer().memberId())
			.containsExactly(1L);
		// a search's counts are unknown: the windows before the page are read to skip their rows
		assertThat(rows.pending(boards, W1, null, null, TODAY, new MemberSearch("ray"), 1, 50))
			.extracting(line -> line.offer().memberId())
			.containsExactly(5L);
		assertThat(rows.pending(boards, W1, null, null, TODAY, new MemberSearch("A"), 2, 50))
			.extracting(line -> line.offer().memberId() + "@" + line.offer().windowStart().getMinute())
			.containsExactly("1@5");
		assertThat(rows.pending(boards, W1, null, null, TODAY, new MemberSearch("a"), 0, 2))
			.extracting(line -> line.offer().memberId())
			.containsExactly(4L, 5L);
		assertThat(rows.pending(boards, W1, OfferType.HOTEL, null, TODAY, new MemberSearch("5"), 0, 50))
			.extracting(line -> line.offer().memberId())
			.containsExactly(5L);
	}

	/** A closed window is counted once per threshold; the redemptions are counted at every read. */
	@Test
	void aClosedWindowsOffersAreCountedOncePerThreshold() {
		assertThat(hotelCounts()).first().isEqualTo(new WindowCount(W2, W2.plusMinutes(5), 3, 1, 1));
		TestDatabase.sql().sql("INSERT INTO hotel_room_offers SELECT 9, 'Late Entry', 9000, 1, 0, ?, ?, ?, 'x'")
			.params(W2.plusMinutes(1), W2, W2.plusMinutes(5))
			.update();
		redeemed(1, "Ann Moss", W2, TODAY.minusDays(2));

		assertThat(hotelCounts()).first().isEqualTo(new WindowCount(W2, W2.plusMinutes(5), 3, 2, 0));
		assertThat(rows.windowCounts(OfferType.HOTEL, new BigDecimal("5500"), W1, W2.plusMinutes(5), TODAY)).first()
			.isEqualTo(new WindowCount(W2, W2.plusMinutes(5), 4, 2, 1));
	}

	private List<WindowCount> hotelCounts() {
		return rows.windowCounts(OfferType.HOTEL, new BigDecimal("5000"), W1, W2.plusMinutes(5), TODAY);
	}

	private OfferBoards boards() {
		return new OfferBoards(Map.of(OfferType.HOTEL, board(OfferType.HOTEL, W2.plusMinutes(5)), OfferType.DRINK,
				board(OfferType.DRINK, W2.plusMinutes(5))));
	}

	private OfferBoard board(OfferType type, LocalDateTime lastClosedEnd) {
		BigDecimal threshold = new BigDecimal(type == OfferType.HOTEL ? "5000" : "1000");
		return OfferBoard.build(type, new OfferRule(type, threshold, null), new Watermark(lastClosedEnd, lastClosedEnd.plusMinutes(1)),
				rows.windowCounts(type, threshold, W1, lastClosedEnd, TODAY), List.of(), Optional.empty());
	}

	@Test
	void pagesAreSortedAndSearchedOnTheEngine() {
		assertThat(rows.window(OfferType.HOTEL, W2, TODAY, MemberSearch.EVERYONE, new Sort("memberId", false), 1, 1))
			.extracting(line -> line.offer().memberId())
			.containsExactly(2L);
		assertThat(rows.window(OfferType.HOTEL, W2, TODAY, new MemberSearch("moss"), new Sort("memberName", true), 0, 50))
			.extracting(line -> line.offer().memberName())
			.containsExactly("Bob Moss", "Ann Moss");
		assertThat(rows.window(OfferType.HOTEL, W2, TODAY, new MemberSearch("3"), null, 0, 50))
			.extracting(line -> line.offer().memberId())
			.containsExactly(3L);
		// the text is a literal: "_" is not a wildcard, "%" finds nobody
		assertThat(rows.window(OfferType.HOTEL, W2, TODAY, new MemberSearch("y_L"), null, 0, 50)).hasSize(1);
		assertThat(rows.window(OfferType.HOTEL, W2, TODAY, new MemberSearch("n_M"), null, 0, 50)).isEmpty();
		assertThat(rows.window(OfferType.HOTEL, W2, TODAY, new MemberSearch("%"), null, 0, 50)).isEmpty();
	}

	@Test
	void membersOnTrackAreRankedByAmountAndCappedAtTheThreshold() {
		LocalDateTime open = W2.plusMinutes(5);
		TestDatabase.openWindow(1, "Ann Moss", open, "2500.00", "0", 5, open.plusSeconds(30));
		TestDatabase.openWindow(2, "Bob Moss", open, "9000.00", "0", 9, open.plusSeconds(40));
		TestDatabase.openWindow(3, "Cy_Lee", open, "10.00", "50.00", 1, open.plusSeconds(50));
		BigDecimal threshold = new BigDecimal("5000");

		assertThat(rows.onTrack(OfferType.HOTEL, open, threshold, MemberSearch.EVERYONE, null, 0, 50))
			.extracting(p -> p.memberId() + ":" + p.fraction() + ":" + p.qualifies())
			.containsExactly("2:1.0:true", "1:0.5:false", "3:0.002:false");
		assertThat(rows.onTrack(OfferType.DRINK, open, new BigDecimal("1000"), MemberSearch.EVERYONE, null, 0, 2))
			.extracting(p -> p.memberId() + ":" + p.amount().stripTrailingZeros().toPlainString())
			.containsExactly("2:9000", "1:2500");
		assertThat(repository.onTrackCount(OfferType.HOTEL, open, threshold)).isEqualTo(new OnTrackCount(3, 1));
		assertThat(repository.onTrackCount(OfferType.DRINK, open, new BigDecimal("1000"))).isEqualTo(new OnTrackCount(3, 2));
		assertThat(repository.onTrackCount(OfferType.HOTEL, open.plusMinutes(5), threshold)).isEqualTo(new OnTrackCount(0, 0));
	}

}
