package org.casinoloyalty.dashboard.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.ViewTest;
import org.casinoloyalty.dashboard.live.LiveState;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MainLayoutTest extends ViewTest {

	@Test
	void theFiveTabsOfTheOriginalInItsOrder() {
		UI.getCurrent().navigate("analytics");
		MainLayout layout = LocatorJ._get(MainLayout.class);

		assertThat(layout.tabs.getComponentCount()).isEqualTo(5);
		assertThat(MainLayout.TABS).extracting(MainLayout.TabLink::label)
			.containsExactly("Hotel Room Offers", "Drink Offers", "Fulfillment", "Analytics", "All Members");
		assertThat(layout.tabs.getSelectedIndex()).isEqualTo(3);
	}

	@Test
	void aChangedThresholdIsStoredInOfferRulesWithItsTime() {
		UI.getCurrent().navigate("hotel");
		Sidebar sidebar = LocatorJ._get(MainLayout.class).sidebar;
		refreshAndWait(() -> assertThat(sidebar.thresholds.get(OfferType.HOTEL).getValue()).isEqualByComparingTo("5000"));
		assertThat(sidebar.lastChanged.get(OfferType.HOTEL).getText()).isEqualTo("Seeded default, never changed");

		sidebar.thresholds.get(OfferType.HOTEL).setValue(new BigDecimal("7500"));
		sidebar.applyButtons.get(OfferType.HOTEL).click();

		assertThat(TestDatabase.sql().sql("SELECT threshold FROM offer_rules WHERE offer_type = 'hotel'")
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("7500");
		refreshAndWait(() -> assertThat(sidebar.lastChanged.get(OfferType.HOTEL).getText()).startsWith("Last changed"));
	}

	@Test
	void anInvalidThresholdIsRefusedWithAReasonAndNotStored() {
		UI.getCurrent().navigate("hotel");
		Sidebar sidebar = LocatorJ._get(MainLayout.class).sidebar;
		refreshAndWait(() -> assertThat(sidebar.thresholds.get(OfferType.DRINK).getValue()).isNotNull());

		sidebar.thresholds.get(OfferType.DRINK).setValue(new BigDecimal("0.5"));
		sidebar.applyButtons.get(OfferType.DRINK).click();

		assertThat(sidebar.thresholds.get(OfferType.DRINK).isInvalid()).isTrue();
		assertThat(sidebar.thresholds.get(OfferType.DRINK).getErrorMessage()).contains("between $1 and $10,000,000");
		assertThat(TestDatabase.sql().sql("SELECT threshold FROM offer_rules WHERE offer_type = 'drink'")
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("1000");
	}

	@Test
	void theRefreshIntervalAndOperatorNameBelongToThisBrowser() {
		UI.getCurrent().navigate("hotel");
		Sidebar sidebar = LocatorJ._get(MainLayout.class).sidebar;
		DashboardSession session = context.getBean(DashboardSession.class);
		assertThat(sidebar.refresh.getValue()).isEqualTo(5);

		sidebar.refresh.setValue(12);
		sidebar.operator.setValue("Alice");

		assertThat(session.refresh().toSeconds()).isEqualTo(12);
		assertThat(session.operator()).isEqualTo("Alice");
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
