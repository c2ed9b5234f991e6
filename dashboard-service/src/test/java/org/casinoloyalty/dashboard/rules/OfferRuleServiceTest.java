package org.casinoloyalty.dashboard.rules;

import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The role check is the service's own: a host calling it directly, past any screen, is refused. */
class OfferRuleServiceTest extends DatabaseTest {

	@Autowired
	OfferRuleService rules;

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

	@Test
	void aManagerChangesTheThresholdAndTheTrailKeepsTheOldAndNewValue() {
		signInAs("mia", StaffRole.MANAGER);

		rules.changeThreshold(OfferType.HOTEL, new BigDecimal("6250.50"));

		assertThat(hotelThreshold()).isEqualByComparingTo("6250.50");
		assertThat(TestDatabase.auditRows()).containsExactly("mia MANAGER threshold_change | hotel threshold | 5000 -> 6250.50");
	}

}
