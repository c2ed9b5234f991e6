package org.casinoloyalty.dashboard.audit;

import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.staff.StaffMember;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailTest extends DatabaseTest {

	@Autowired
	AuditTrail trail;

	@Test
	void onlyAManagerReadsTheTrail() {
		trail.record(new StaffMember("hank", StaffRole.HOST), AuditAction.REDEEM, "hotel · member 1", "a", "b");

		signInAs("hank", StaffRole.HOST);
		assertThatThrownBy(() -> trail.recent(1)).isInstanceOf(AuthorizationDeniedException.class);

		signInAs("mia", StaffRole.MANAGER);
		assertThat(trail.recent(1)).singleElement().satisfies(row -> {
			assertThat(row.staffUser()).isEqualTo("hank");
			assertThat(row.staffRole()).isEqualTo("HOST");
			assertThat(row.action()).isEqualTo(AuditAction.REDEEM);
		});
	}

	@Test
	void newestFirstAndAnOverlongSignInNameIsCutNotRefused() {
		trail.record(new StaffMember("mia", StaffRole.MANAGER), AuditAction.THRESHOLD_CHANGE, "hotel threshold", "5000",
				"6000");
		trail.recordRefusedSignIn("x".repeat(1000), "from 10.0.0.7: Bad credentials");

		signInAs("mia", StaffRole.MANAGER);
		assertThat(trail.recent(1)).extracting(StaffAction::action)
			.containsExactly(AuditAction.SIGN_IN_FAILURE, AuditAction.THRESHOLD_CHANGE);
		assertThat(trail.recent(1).get(0).staffUser()).hasSize(AuditTrail.MAX_TEXT);
		assertThat(trail.recent(1).get(0).staffRole()).isNull();
	}

}
