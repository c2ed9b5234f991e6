package org.casinoloyalty.dashboard.live;

import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.sql.StatementCounter;
import org.casinoloyalty.dashboard.offers.OfferStatus;
import org.casinoloyalty.dashboard.offers.OfferBoards;
import org.casinoloyalty.dashboard.offers.OffersLiveQuery;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.rules.RulesLiveQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SnapshotPollerTest extends DatabaseTest {

	private static final LocalDateTime W1 = LocalDateTime.of(2026, 1, 1, 10, 0);

	@Autowired
	SnapshotPoller poller;

	@Autowired
	SnapshotReader reader;

	@Autowired
	StatementCounter statements;

	@Test
	void oneReadHoldsEveryTabsDataWithStatusesAndTheWatermarkFromTheData() {
		TestDatabase.closedWindow(1001, "James Chen", W1, "6200.00", "6000.00", 20);
		TestDatabase.closedWindow(1011, "Unlucky Lee", W1, "3000.00", "500.00", 30);
		TestDatabase.openWindow(1001, "James Chen", W1.plusMinutes(5), "2500.00", "0", 8, W1.plusMinutes(6));

		LiveSnapshot snapshot = reader.read();
		OfferBoards offers = snapshot.part(OffersLiveQuery.class);

		assertThat(snapshot.watermark().lastClosedWindowEnd()).isEqualTo(W1.plusMinutes(5));
		assertThat(snapshot.watermark().current()).isEqualTo(W1.plusMinutes(6).minusSeconds(10));
		assertThat(offers.board(OfferType.HOTEL).latest().orElseThrow().firstLines())
			.singleElement()
			.satisfies(line -> {
				assertThat(line.offer().memberName()).isEqualTo("James Chen");
				assertThat(line.status()).isEqualTo(OfferStatus.PENDING);
			});
		assertThat(offers.board(OfferType.DRINK).latest().orElseThrow().firstLines())
			.singleElement()
			.satisfies(line -> assertThat(line.offer().qualifyingAmount()).isEqualByComparingTo("2500.00"));
		assertThat(offers.board(OfferType.HOTEL).onTrack().orElseThrow().top()).singleElement()
			.satisfies(p -> assertThat(p.fraction()).isEqualTo(0.5));
		assertThat(snapshot.part(RulesLiveQuery.class).get(OfferType.HOTEL).threshold()).isEqualByComparingTo("5000");
	}

	@Test
	void statementsPerRefreshDoNotGrowWithTheNumberOfOpenBrowsers() {
		TestDatabase.closedWindow(1001, "James Chen", W1, "6200.00", "6000.00", 20);
		// the first read counts each closed window's offers once (OfferRows); the refreshes measured come after it
		reader.read();
		long withOne = statementsOfOneRefreshWith(1);
		long withFifty = statementsOfOneRefreshWith(50);

		assertThat(withOne).isPositive().isEqualTo(withFifty);
	}

	/** Issue 13, point 5: a row written by hand that the dashboard cannot read is skipped, not fatal. */
	@Test
	void aRuleOfAnUnknownTypeIsSkippedAndTheRefreshGoesOn() {
		TestDatabase.sql().sql("INSERT INTO offer_rules VALUES ('spa', 100, NULL)").update();

		LiveSnapshot snapshot = reader.read();

		assertThat(snapshot.part(RulesLiveQuery.class).get(OfferType.HOTEL).threshold()).isEqualByComparingTo("5000");
	}

	/** A rule the offers cannot do without: the banner says so, the poller keeps going and recovers by itself. */
	@Test
	void aHotelRuleWithoutAThresholdShowsTheBannerAndTheNextRefreshRecovers() {
		List<LiveState> received = new CopyOnWriteArrayList<>();
		SnapshotPoller.Subscription subscription = poller.subscribe(Duration.ofSeconds(60), received::add);
		try {
			TestDatabase.sql().sql("UPDATE offer_rules SET threshold = NULL WHERE offer_type = 'hotel'").update();
			poller.refreshNow();
			await().atMost(Duration.ofSeconds(10)).until(() -> poller.state().outage().isPresent());
			assertThat(poller.state().outage().orElseThrow().reason()).contains("hotel");
			assertThat(received).anySatisfy(state -> assertThat(state.outage()).isPresent());

			TestDatabase.sql().sql("UPDATE offer_rules SET threshold = 5000 WHERE offer_type = 'hotel'").update();
			poller.refreshNow();
			await().atMost(Duration.ofSeconds(10)).until(() -> poller.state().outage().isEmpty());
		}
		finally {
			subscription.cancel();
		}
	}

	@Test
	void aRefreshWithNewsReadsOnceAndBringsTheNewsToEveryBrowserOnce() {
		TestDatabase.closedWindow(1001, "James Chen", W1, "6200.00", "6000.00", 20);
		List<LiveState> received = new CopyOnWriteArrayList<>();
		List<SnapshotPoller.Subscription> subscriptions = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			subscriptions.add(poller.subscribe(Duration.ofSeconds(60), received::add));
		}
		try {
			// the refreshes the subscriptions asked for are over once nothing arrives for half a second
			poller.refreshNow();
			int[] seen = { -1 };
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
				int now = received.size();
				boolean quiet = now == seen[0] && now >= 3;
				seen[0] = now;
				return quiet;
			});
			received.clear();
			long before = statements.count();
			poller.refreshNow();
			await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
			long oneRead = statements.count() - before;
			received.clear();

			before = statements.count();
			poller.refreshNow("3 new hotel offers, 10:00-10:05");
			await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);

			assertThat(statements.count() - before).as("one read, as any refresh").isEqualTo(oneRead);
			assertThat(received).hasSize(3)
				.allSatisfy(state -> assertThat(state.news()).contains("3 new hotel offers, 10:00-10:05"));
			assertThat(poller.state().news()).as("a browser opened later is not told old news").isEmpty();
		}
		finally {
			subscriptions.forEach(SnapshotPoller.Subscription::cancel);
		}
	}

	private long statementsOfOneRefreshWith(int browsers) {
		List<SnapshotPoller.Subscription> subscriptions = new ArrayList<>();
		List<LiveState> received = new CopyOnWriteArrayList<>();
		for (int i = 0; i < browsers; i++) {
			subscriptions.add(poller.subscribe(Duration.ofSeconds(60), received::add));
		}
		try {
			// Let the refresh that the first subscription may have asked for finish first.
			await().atMost(Duration.ofSeconds(10)).until(() -> poller.state().snapshot().isPresent());
			received.clear();
			long before = statements.count();
			poller.refreshNow();
			await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= browsers);
			assertThat(received).hasSize(browsers);
			return statements.count() - before;
		}
		finally {
			subscriptions.forEach(SnapshotPoller.Subscription::cancel);
		}
	}

}
