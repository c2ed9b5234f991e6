package org.casinoloyalty.dashboard.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import org.casinoloyalty.dashboard.ViewTest;
import org.casinoloyalty.dashboard.live.LiveState;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MainLayoutTest extends ViewTest {

	@Test
	void aHostSeesTheFiveTabsOfTheOriginalInItsOrderAndWhoIsSignedIn() {
		signInAs("hank", StaffRole.HOST);
		UI.getCurrent().navigate("analytics");
		MainLayout layout = LocatorJ._get(MainLayout.class);

		// The tabs come from each view's @Menu, in its order, filtered by access; the layout lists none.
		assertThat(layout.tabs.getChildren().map(tab -> tab.getElement().getTextRecursively()))
			.containsExactly("Hotel Room Offers", "Drink Offers", "Fulfillment", "Analytics", "All Members");
		assertThat(layout.tabs.getChildren().map(tab -> tab.getId().orElseThrow()))
			.containsExactly("tab-hotel", "tab-drinks", "tab-fulfillment", "tab-analytics", "tab-members");
		assertThat(layout.tabs.getSelectedIndex()).isEqualTo(3);
		assertThat(layout.signedInAs.getText()).isEqualTo("hank · host");
		assertThat(layout.signOut.isVisible()).isTrue();
	}

	@Test
	void aManagerAlsoSeesTheAuditTrailTab() {
		UI.getCurrent().navigate("hotel");
		MainLayout layout = LocatorJ._get(MainLayout.class);

		assertThat(layout.tabs.getChildren().map(tab -> tab.getId().orElseThrow()))
			.containsExactly("tab-hotel", "tab-drinks", "tab-fulfillment", "tab-analytics", "tab-members", "tab-audit");
		assertThat(layout.signedInAs.getText()).isEqualTo("mia · manager");
	}

	@Test
	void theRefreshIntervalBelongsToThisBrowser() {
		UI.getCurrent().navigate("hotel");
		Sidebar sidebar = LocatorJ._get(MainLayout.class).sidebar;
		DashboardSession session = context.getBean(DashboardSession.class);
		assertThat(sidebar.refresh.getValue()).isEqualTo(5);

		sidebar.refresh.setValue(12);

		assertThat(session.refresh().toSeconds()).isEqualTo(12);
	}

	@Test
	void anOutageShowsTheBannerOverTheLastDataAndRecoveryHidesIt() {
		UI.getCurrent().navigate("hotel");
		MainLayout layout = LocatorJ._get(MainLayout.class);
		refreshAndWait(() -> assertThat(layout.status.getText()).contains("PostgreSQL"));
		var snapshot = poller.state().snapshot();

		layout.apply(new LiveState(snapshot, Optional.of(new LiveState.Outage(Instant.parse("2026-01-01T10:00:00Z"),
				"Connection to 127.0.0.1:4566 refused"))));

		assertThat(layout.outageBanner.isVisible()).isTrue();
		assertThat(layout.outageBanner.getText()).contains("unreachable since 10:00:00 UTC", "4566 refused",
				"Showing the data read at", "redemptions are refused");

		layout.apply(new LiveState(snapshot, Optional.empty()));
		assertThat(layout.outageBanner.isVisible()).isFalse();
	}

}
