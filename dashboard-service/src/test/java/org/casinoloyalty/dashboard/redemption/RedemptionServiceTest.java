package org.casinoloyalty.dashboard.redemption;

import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.audit.AuditTrail;
import org.casinoloyalty.dashboard.staff.CurrentStaff;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.sql.EngineDialect;
import org.casinoloyalty.dashboard.sql.UnconfirmedWrites;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

	@Autowired
	AuditTrail trail;

	@Autowired
	CurrentStaff currentStaff;

	private static long rows() {
		return TestDatabase.sql().sql("SELECT count(*) FROM redeemed_offers").query(Long.class).single();
	}


	@BeforeEach
	void signInAlice() {
		signInAs("alice", StaffRole.HOST);
	}

	@Test
	void firstRedemptionWinsAndIsStoredWithTheSignedInHostWindowAndBusinessDate() {
		RedemptionOutcome outcome = service.redeem(OFFER);

		assertThat(outcome).isInstanceOf(RedemptionOutcome.Won.class);
		Redemption stored = ((RedemptionOutcome.Won) outcome).redemption();
		assertThat(stored.redeemedBy()).isEqualTo("alice");
		assertThat(stored.windowStart()).isEqualTo(WINDOW);
		assertThat(stored.redemptionDate()).isEqualTo(service.businessDate());
		assertThat(rows()).isOne();
		assertThat(outcome.message()).contains("James Chen", "Complimentary Hotel Room", "alice");
		assertThat(TestDatabase.auditRows()).containsExactly("alice HOST redeem | hotel · member 1001 (James Chen) · window "
				+ "2026-01-01T10:00 | awaiting redemption -> redeemed on " + service.businessDate());
	}

	@Test
	void secondOfferOfTheSameTypeOnTheSameDayIsRefusedWithWhoRedeemedIt() {
		service.redeem(OFFER);

		OfferToRedeem laterWindow = new OfferToRedeem(1001, "James Chen", OfferType.HOTEL, WINDOW.plusMinutes(5),
				WINDOW.plusMinutes(10));
		signInAs("bob", StaffRole.MANAGER);
		RedemptionOutcome outcome = service.redeem(laterWindow);

		assertThat(outcome).isInstanceOf(RedemptionOutcome.AlreadyRedeemed.class);
		assertThat(outcome.message()).contains("already redeemed", "by alice", "one per customer per day");
		assertThat(rows()).isOne();
		assertThat(TestDatabase.auditRows()).hasSize(2)
			.last()
			.asString()
			.startsWith("bob MANAGER redeem_refused | hotel · member 1001 (James Chen) · window 2026-01-01T10:05 | "
					+ "redeemed by alice at ")
			.endsWith(" -> refused: one per customer per day");
	}

	@Test
	void theOtherOfferTypeIsIndependent() {
		service.redeem(OFFER);

		RedemptionOutcome drink = service.redeem(
				new OfferToRedeem(1001, "James Chen", OfferType.DRINK, WINDOW, WINDOW.plusMinutes(5)));

		assertThat(drink).isInstanceOf(RedemptionOutcome.Won.class);
		assertThat(rows()).isEqualTo(2);
	}

	@Test
	void nobodySignedInIsRefusedAndNothingIsStored() {
		securityContexts.clearContext();

		assertThatThrownBy(() -> service.redeem(OFFER)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
		assertThat(rows()).isZero();
		assertThat(TestDatabase.auditRows()).isEmpty();
	}

	@Test
	void aSilentlyDroppedDuplicateIsRecognisedByTheReadBack() {
		// What RisingWave's ON CONFLICT DO NOTHING (and local-stack) do: the duplicate INSERT succeeds and changes nothing.
		TestDatabase.sql().sql("""
				CREATE RULE redeemed_offers_do_nothing AS ON INSERT TO redeemed_offers
				WHERE EXISTS (SELECT 1 FROM redeemed_offers r WHERE r.member_id = NEW.member_id
				              AND r.offer_type = NEW.offer_type AND r.redemption_date = NEW.redemption_date)
				DO INSTEAD NOTHING""").update();
		service.redeem(OFFER);

		RedemptionOutcome outcome = service.redeem(OFFER);

		assertThat(outcome).isInstanceOf(RedemptionOutcome.AlreadyRedeemed.class);
		assertThat(rows()).isOne();
	}

	@Test
	void fiftyParallelClicksOnOneOfferGiveOneRowAndOneWinner() throws Exception {
		int clicks = 50;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<RedemptionOutcome>> tasks = new ArrayList<>();
		for (int i = 0; i < clicks; i++) {
			String host = "host-" + (i % 2);
			tasks.add(() -> {
				signInAs(host, StaffRole.HOST);
				start.await();
				return service.redeem(OFFER);
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
				new RedemptionProperties(ZoneId.of("UTC"), 7), clock, currentStaff, trail);

		RedemptionOutcome outcome = offline.redeem(OFFER);

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
				clock, currentStaff, trail);

		RedemptionOutcome outcome = service.redeem(OFFER);

		assertThat(outcome).isInstanceOf(RedemptionOutcome.Failed.class);
		assertThat(outcome.message()).contains("was sent", "Check Fulfillment").doesNotContain("Nothing was redeemed");
		assertThat(rows()).isOne();
	}

	/** Issue 13, point 6: RisingWave took the INSERT and the FLUSH after it failed. */
	@Test
	void anInsertSentButNotConfirmedThatTheReadBackSeesIsTheOutcomeItIs() {
		RedemptionService service = serviceOver(new RedemptionRepository(TestDatabase.sql(), dialect) {
			@Override
			void insertIfAbsent(Redemption redemption) {
				super.insertIfAbsent(redemption);
				throw UnconfirmedWrites.flushFailed();
			}
		});

		RedemptionOutcome outcome = service.redeem(OFFER);

		assertThat(outcome).isInstanceOf(RedemptionOutcome.Won.class);
		assertThat(TestDatabase.auditRows()).singleElement().asString().contains("alice HOST redeem");
	}

	@Test
	void anInsertSentButNotConfirmedAndNotVisibleYetMayHaveBeenRecordedAndSaysSo() {
		RedemptionService service = serviceOver(new RedemptionRepository(TestDatabase.sql(), dialect) {
			@Override
			void insertIfAbsent(Redemption redemption) {
				throw UnconfirmedWrites.flushFailed();
			}
		});

		RedemptionOutcome outcome = service.redeem(OFFER);

		assertThat(outcome).isInstanceOf(RedemptionOutcome.Failed.class);
		assertThat(outcome.message()).contains("was sent and may have been recorded", "FLUSH failed (test)",
				"Look in Fulfillment", "cannot redeem the offer twice").doesNotContain("Nothing was redeemed", "dropped");
		assertThat(TestDatabase.auditRows()).containsExactly("alice HOST redeem | hotel · member 1001 (James Chen) · window "
				+ "2026-01-01T10:00 | awaiting redemption -> redeemed on " + service.businessDate() + " (sent, not confirmed)");
	}

	private RedemptionService serviceOver(RedemptionRepository repository) {
		return new RedemptionService(repository, new RedemptionProperties(ZoneId.of("UTC"), 7), clock, currentStaff, trail);
	}

	@Test
	void theBusinessDateFollowsTheConfiguredZone() {
		Clock lateEvening = Clock.fixed(java.time.Instant.parse("2026-03-01T23:30:00Z"), ZoneId.of("UTC"));
		RedemptionService macau = new RedemptionService(null, new RedemptionProperties(ZoneId.of("Asia/Macau"), 7),
				lateEvening, currentStaff, trail);

		assertThat(macau.businessDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
	}

}
