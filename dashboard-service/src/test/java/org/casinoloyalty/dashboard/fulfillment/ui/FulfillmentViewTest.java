package org.casinoloyalty.dashboard.fulfillment.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.ViewTest;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class FulfillmentViewTest extends ViewTest {

	private static final LocalDateTime W1 = LocalDateTime.of(2026, 1, 1, 10, 0);

	@Test
	void redeemingMovesAnOfferFromAwaitingToRedeemedAndTheFiltersApply() {
		TestDatabase.closedWindow(1001, "James Chen", W1, "6200.00", "6000.00", 20);
		TestDatabase.closedWindow(1011, "Unlucky Lee", W1, "3000.00", "500.00", 30);
		signInAs("alice", StaffRole.HOST);
		UI.getCurrent().navigate("fulfillment");
		FulfillmentView view = LocatorJ._get(FulfillmentView.class);
		refreshAndWait(() -> assertThat(GridKt._size(view.pendingGrid)).isEqualTo(2));
		assertThat(view.redeemedEmpty.isVisible()).isTrue();

		view.typeFilter.setValue("Premium drink");
		assertThat(GridKt._size(view.pendingGrid)).isEqualTo(1);
		assertThat(GridKt._getFormattedRow(view.pendingGrid, 0)).contains("Unlucky Lee", "lost $2,500.00");
		((Button) GridKt._getCellComponent(view.pendingGrid, 0, "action")).click();

		refreshAndWait(() -> assertThat(view.pendingEmpty.isVisible()).isTrue());
		assertThat(GridKt._size(view.redeemedGrid)).isEqualTo(1);
		assertThat(GridKt._getFormattedRow(view.redeemedGrid, 0)).contains("Premium drink", "1011",
				"Unlucky Lee", "alice");

		view.typeFilter.setValue(FulfillmentView.ALL_TYPES);
		assertThat(GridKt._size(view.pendingGrid)).isEqualTo(1);
		view.dateFilter.setValue(LocalDate.of(2020, 1, 1));
		assertThat(view.redeemedEmpty.getText()).contains("Nothing redeemed on Wed 1 Jan 2020");
		assertThat(view.pendingEmpty.getText()).contains("for this filter");
	}

}
