package org.casinoloyalty.dashboard.audit.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import org.casinoloyalty.dashboard.ViewTest;
import org.casinoloyalty.dashboard.audit.AuditAction;
import org.casinoloyalty.dashboard.audit.AuditCsv;
import org.casinoloyalty.dashboard.audit.AuditTrail;
import org.casinoloyalty.dashboard.audit.StaffAction;
import org.casinoloyalty.dashboard.staff.StaffMember;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditViewTest extends ViewTest {

	@Autowired
	AuditTrail trail;

	private void threeActions() {
		trail.record(new StaffMember("hank", StaffRole.HOST), AuditAction.REDEEM,
				"hotel · member 1001 (=HYPERLINK(\"http://x\")) · window 2026-01-01T10:00", "awaiting redemption",
				"redeemed on 2026-01-01");
		trail.record(new StaffMember("mia", StaffRole.MANAGER), AuditAction.THRESHOLD_CHANGE, "hotel threshold", "5000",
				"6000");
		trail.record(new StaffMember("hank", StaffRole.HOST), AuditAction.REDEEM_REFUSED, "drink · member 1002",
				"redeemed by mia", "refused: one per customer per day");
	}

	@Test
	void aManagerReadsTheTrailNewestFirstAndFiltersIt() {
		threeActions();
		UI.getCurrent().navigate("audit");
		AuditView view = LocatorJ._get(AuditView.class);

		assertThat(GridKt._size(view.grid)).isEqualTo(3);
		assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("hank", "host", "Redemption refused",
				"drink · member 1002", "redeemed by mia", "refused: one per customer per day");

		view.actionFilter.setValue(AuditAction.THRESHOLD_CHANGE.label());
		assertThat(GridKt._size(view.grid)).isEqualTo(1);
		assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("mia", "manager", "5000", "6000");

		view.actionFilter.setValue(AuditView.ALL_ACTIONS);
		view.staffFilter.setValue("HAN");
		assertThat(GridKt._size(view.grid)).isEqualTo(2);

		view.staffFilter.setValue("nobody");
		assertThat(view.grid.isVisible()).isFalse();
		assertThat(view.empty.getText()).isEqualTo("No recorded action matches these filters.");
	}

	@Test
	void theDownloadIsTheFilteredRowsWithFormulasNeutralised() {
		threeActions();
		// What a sign-in form lets anyone type as a name, then shown to the manager's spreadsheet.
		trail.record(new StaffMember("=1+2", StaffRole.HOST), AuditAction.REDEEM, "@SUM(A1)", null, "-1");
		UI.getCurrent().navigate("audit");
		AuditView view = LocatorJ._get(AuditView.class);
		view.actionFilter.setValue(AuditAction.REDEEM.label());
		List<StaffAction> shown = view.grid.getListDataView().getItems().toList();

		StringWriter csv = new StringWriter();
		AuditCsv.write(shown, csv);

		assertThat(csv.toString().split("\r\n")).hasSize(3);
		assertThat(csv.toString()).startsWith("acted_at,staff_user,staff_role,action,target,value_before,value_after\r\n")
			.contains(",'=1+2,HOST,redeem,'@SUM(A1),,'-1\r\n")
			.contains(",hank,HOST,redeem,\"hotel · member 1001 (=HYPERLINK(\"\"http://x\"\")) · window 2026-01-01T10:00\",");
		assertThat(view.csv.getHref()).isNotBlank();
	}

	@Test
	void aHostCannotOpenTheTrail() {
		threeActions();
		signInAs("hank", StaffRole.HOST);

		assertThatThrownBy(() -> UI.getCurrent().navigate("audit")).hasMessageContaining("Access is denied");
		LocatorJ._assertNone(AuditView.class);
	}

}
