package org.casinoloyalty.dashboard.redemption;

import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.sql.EngineDialect;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class RedemptionServiceTest extends DatabaseTest {

	private static final LocalDateTime WINDOW = LocalDateTime.of(2026, 1, 1, 10, 0);

	private static final OfferToRedeem OFFER = new OfferToRedeem(1001, "James Chen", OfferType.HOTEL, WINDOW,
			WINDOW.plusMinutes(5));

	@Autowired
	RedemptionService service;

	@Autowired
	EngineDialect dialect;

	@Autowired
	Clock clock;

	private static long rows() {
		return TestDatabase.sql().sql("SELECT count(*) FROM redeemed_offers").query(Long.class).single();
	}

	@Test
	void firstRedemptionWinsAndIsStoredWithOperatorWindowAndBusinessDate() {
		RedemptionOutcome outcome = service.redeem(OFFER, "  Alice  ");

		assertThat(outcome).isInstanceOf(RedemptionOutcome.Won.class);
		Redemption stored = ((RedemptionOutcome.Won) outcome).redemption();
		assertThat(stored.redeemedBy()).isEqualTo("Alice");
		assertThat(stored.windowStart()).isEqualTo(WINDOW);
		assertThat(stored.redemptionDate()).isEqualTo(service.businessDate());
		assertThat(rows()).isOne();
		assertThat(outcome.message()).contains("James Chen", "Complimentary Hotel Room", "Alice");
	}

	@Test
	void secondOfferOfTheSameTypeOnTheSameDayIsRefusedWithWhoRedeemedIt() {
		service.redeem(OFFER, "Alice");

		OfferToRedeem laterWindow = new OfferToRedeem(1001, "James Chen", OfferType.HOTEL, WINDOW.plusMinutes(5),
				WINDOW.plusMinutes(10));
		RedemptionOutcome outcome = service.redeem(laterWindow, "Bob");

		assertThat(outcome).isInstanceOf(RedemptionOutcome.AlreadyRedeemed.class);
		assertThat(outcome.message()).contains("already redeemed", "by Alice", "one per customer per day");
		assertThat(rows()).isOne();
	}

	@Test
	void theOtherOfferTypeIsIndependent() {
		service.redeem(OFFER, "Alice");

		RedemptionOutcome drink = service.redeem(
				new OfferToRedeem(1001, "James Chen", OfferType.DRINK, WINDOW, WINDOW.plusMinutes(5)), "Alice");

		assertThat(drink).isInstanceOf(RedemptionOutcome.Won.class);
		assertThat(rows()).isEqualTo(2);
	}

	@Test
	void aBlankOperatorIsRefusedAndNothingIsStored() {
		RedemptionOutcome outcome = service.redeem(OFFER, "   ");

		assertThat(outcome).isInstanceOf(RedemptionOutcome.Failed.class);
		assertThat(outcome.message()).contains("operator name");
		assertThat(rows()).isZero();
	}

	@Test
	void aSilentlyDroppedDuplicateIsRecognisedByTheReadBack() {
		// What RisingWave's ON CONFLICT DO NOTHING (and local-stack) do: the duplicate INSERT succeeds and changes nothing.
		TestDatabase.sql().sql("""
				CREATE RULE redeemed_offers_do_nothing AS ON INSERT TO redeemed_offers
				WHERE EXISTS (SELECT 1 FROM redeemed_offers r WHERE r.member_id = NEW.member_id
				              AND r.offer_type = NEW.offer_type AND r.redemption_date = NEW.redemption_date)
				DO INSTEAD NOTHING""").update();
		service.redeem(OFFER, "Alice");

		RedemptionOutcome outcome = service.redeem(OFFER, "Alice");

		assertThat(outcome).isInstanceOf(RedemptionOutcome.AlreadyRedeemed.class);
		assertThat(rows()).isOne();
	}

	@Test
	void fiftyParallelClicksOnOneOfferGiveOneRowAndOneWinner() throws Exception {
		int clicks = 50;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<RedemptionOutcome>> tasks = new ArrayList<>();
		for (int i = 0; i < clicks; i++) {
			String operator = "operator-" + (i % 2);
			tasks.add(() -> {
				start.await();
				return service.redeem(OFFER, operator);
			});
		}
		List<RedemptionOutcome> outcomes = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(clicks)) {
			List<Future<RedemptionOutcome>> futures = tasks.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<RedemptionOutcome> future : futures) {
				outcomes.add(future.get());
			}
		}

		assertThat(outcomes).filteredOn(RedemptionOutcome.Won.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(RedemptionOutcome.AlreadyRedeemed.class::isInstance).hasSize(clicks - 1);
		assertThat(rows()).isOne();
		Redemption winner = ((RedemptionOutcome.Won) outcomes.stream()
			.filter(RedemptionOutcome.Won.class::isInstance)
			.findFirst()
			.orElseThrow()).redemption();
		assertThat(outcomes).filteredOn(RedemptionOutcome.AlreadyRedeemed.class::isInstance)
			.allSatisfy(o -> assertThat(((RedemptionOutcome.AlreadyRedeemed) o).existing()).isEqualTo(winner));
	}

	@Test
	void anUnreachableDatabaseIsReportedAndNothingIsLost() {
		DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/dev?connectTimeout=1");
		JdbcClient jdbc = JdbcClient.create(unreachable);
		RedemptionService offline = new RedemptionService(new RedemptionRepository(jdbc, dialect),
				new RedemptionProperties(ZoneId.of("UTC"), 7), clock);

		RedemptionOutcome outcome = offline.redeem(OFFER, "Alice");

		assertThat(outcome).isInstanceOf(RedemptionOutcome.Failed.class);
		assertThat(outcome.message()).contains("database is unreachable", "Nothing was redeemed");
	}

	@Test
	void aReadBackThatFailsAfterTheInsertDoesNotClaimNothingWasRedeemed() {
		RedemptionRepository failingReadBack = new RedemptionRepository(TestDatabase.sql(), dialect) {
			@Override
			Optional<Redemption> find(long memberId, OfferType type, LocalDate redemptionDate) {
				throw new DataAccessResourceFailureException("connection lost");
			}
		};
		RedemptionService service = new RedemptionService(failingReadBack, new RedemptionProperties(ZoneId.of("UTC"), 7),
				clock);

		RedemptionOutcome outcome = service.redeem(OFFER, "Alice");

		assertThat(outcome).isInstanceOf(RedemptionOutcome.Failed.class);
		assertThat(outcome.message()).contains("was sent", "Check Fulfillment").doesNotContain("Nothing was redeemed");
		assertThat(rows()).isOne();
	}

	@Test
	void theBusinessDateFollowsTheConfiguredZone() {
		Clock lateEvening = Clock.fixed(java.time.Instant.parse("2026-03-01T23:30:00Z"), ZoneId.of("UTC"));
		RedemptionService macau = new RedemptionService(null, new RedemptionProperties(ZoneId.of("Asia/Macau"), 7),
				lateEvening);

		assertThat(macau.businessDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
	}

}
