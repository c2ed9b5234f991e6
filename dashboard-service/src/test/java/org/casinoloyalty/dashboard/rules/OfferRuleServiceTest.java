package org.casinoloyalty.dashboard.rules;

import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.audit.AuditTrail;
import org.casinoloyalty.dashboard.sql.EngineDialect;
import org.casinoloyalty.dashboard.sql.UnconfirmedWrites;
import org.casinoloyalty.dashboard.staff.CurrentStaff;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The role check is the service's own: a host calling it directly, past any screen, is refused. */
class OfferRuleServiceTest extends DatabaseTest {

	@Autowired
	OfferRuleService rules;

	@Autowired
	EngineDialect dialect;

	@Autowired
	Clock clock;

	@Autowired
	CurrentStaff currentStaff;

	@Autowired
	AuditTrail trail;

	private static BigDecimal hotelThreshold() {
		return TestDatabase.sql()
			.sql("SELECT threshold FROM offer_rules WHERE offer_type = 'hotel'")
			.query(BigDecimal.class)
			.single();
	}


	@Test
	void aHostIsRefusedAndNothingChanges() {
		signInAs("hank", StaffRole.HOST);

		assertThatThrownBy(() -> rules.changeThreshold(OfferType.HOTEL, new BigDecimal("100")))
			.isInstanceOf(AuthorizationDeniedException.class);
		assertThat(hotelThreshold()).isEqualByComparingTo("5000");
		assertThat(TestDatabase.auditRows()).isEmpty();
	}

	@Test
	void nobodySignedInIsRefused() {
		assertThatThrownBy(() -> rules.changeThreshold(OfferType.HOTEL, new BigDecimal("100")))
			.isInstanceOf(AuthenticationCredentialsNotFoundException.class);
		assertThat(hotelThreshold()).isEqualByComparingTo("5000");
	}

	/** Issue 13, point 6: the UPDATE went through and RisingWave's FLUSH after it failed. */
	@Test
	void aChangeSentButNotConfirmedThatReadsBackIsDone() {
		signInAs("mia", StaffRole.MANAGER);
		OfferRuleService service = serviceWhoseFlushFails(true);

		service.changeThreshold(OfferType.HOTEL, new BigDecimal("7000"));

		assertThat(hotelThreshold()).isEqualByComparingTo("7000");
		assertThat(TestDatabase.auditRows()).containsExactly("mia MANAGER threshold_change | hotel threshold | 5000 -> 7000");
	}

	@Test
	void aChangeSentButNotConfirmedThatDoesNotShowYetMayHaveBeenAppliedAndTheMessageSaysWhatIsStored() {
		signInAs("mia", StaffRole.MANAGER);
		OfferRuleService service = serviceWhoseFlushFails(false);

		assertThatThrownBy(() -> service.changeThreshold(OfferType.HOTEL, new BigDecimal("7000")))
			.isInstanceOf(OfferRuleService.UnconfirmedChangeException.class)
			.hasMessage("Hotel room: the threshold $7000 was sent and may have been applied, but the engine did not"
					+ " confirm it (FLUSH failed (test)). It reads $5000 for now; look again in a moment before changing it again.");
		assertThat(TestDatabase.auditRows())
			.containsExactly("mia MANAGER threshold_change | hotel threshold | 5000 -> 7000 (sent, not confirmed)");
	}

	/** RisingWave's FLUSH after the UPDATE fails; {@code applied}: the UPDATE itself went through (and shows). */
	private OfferRuleService serviceWhoseFlushFails(boolean applied) {
		return new OfferRuleService(new OfferRuleRepository(TestDatabase.sql(), dialect) {
			@Override
			boolean update(OfferType type, BigDecimal threshold, LocalDateTime updatedAt) {
				if (applied) {
					super.update(type, threshold, updatedAt);
				}
				throw UnconfirmedWrites.flushFailed();
			}
		}, clock, currentStaff, trail);
	}

	@Test
	void aManagerChangesTheThresholdAndTheTrailKeepsTheOldAndNewValue() {
		signInAs("mia", StaffRole.MANAGER);

		rules.changeThreshold(OfferType.HOTEL, new BigDecimal("6250.50"));

		assertThat(hotelThreshold()).isEqualByComparingTo("6250.50");
		assertThat(TestDatabase.auditRows()).containsExactly("mia MANAGER threshold_change | hotel threshold | 5000 -> 6250.50");
	}

}
