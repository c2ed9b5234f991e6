package org.casinoloyalty.dashboard.offers.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.ViewTest;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class OffersViewTest extends ViewTest {

	private static final LocalDateTime W1 = LocalDateTime.of(2026, 1, 1, 10, 0);

	private static final LocalDateTime W2 = W1.plusMinutes(5);

	private static final LocalDateTime OPEN = W1.plusMinutes(10);

	private void playedThreeWindows() {
		TestDatabase.closedWindow(1001, "James Chen", W1, "6200.00", "6000.00", 20);
		TestDatabase.closedWindow(1002, "Sofia Rossi", W2, "7400.50", "9000.00", 25);
		TestDatabase.closedWindow(1011, "Unlucky Lee", W2, "3000.00", "500.00", 30);
		TestDatabase.openWindow(1001, "James Chen", OPEN, "2500.00", "0", 8, OPEN.plusSeconds(70));
		TestDatabase.openWindow(1003, "Maria Lopez", OPEN, "100.00", "0", 2, OPEN.plusSeconds(60));
	}

	@Test
	void hotelTabShowsTheLastClosedWindowTheOpenWindowAndEarlierWindows() {
		playedThreeWindows();
		UI.getCurrent().navigate("hotel");
		HotelOffersView view = LocatorJ._get(HotelOffersView.class);

		refreshAndWait(() -> {
			assertThat(view.watermarkText.getText()).contains("10:05–10:10 UTC", "watermark ≈ 10:11:00");
			assertThat(GridKt._size(view.latestGrid)).isEqualTo(1);
		});
		assertThat(GridKt._getFormattedRow(view.latestGrid, 0)).contains("1002", "Sofia Rossi", "$7,400.50");
		assertThat(String.join(" ", GridKt._getFormattedRow(view.latestGrid, 0))).contains("Pending");
		assertThat(view.progressTitle.getText()).contains("10:10–10:15");
		assertThat(GridKt._size(view.progressGrid)).isEqualTo(2);
		assertThat(String.join(" ", GridKt._getFormattedRow(view.progressGrid, 0))).contains("James Chen",
				"$2,500.00 of $5,000");
		assertThat(view.sections).hasSize(1);
		assertThat(view.sections.values().iterator().next().summary.getText()).contains("10:00–10:05", "1 offer",
				"1 pending");
	}

	@Test
	void drinkTabShowsLossesAndExplainsAnEmptyLastWindow() {
		playedThreeWindows();
		UI.getCurrent().navigate("drinks");
		DrinkOffersView view = LocatorJ._get(DrinkOffersView.class);

		refreshAndWait(() -> assertThat(GridKt._size(view.latestGrid)).isEqualTo(1));
		assertThat(GridKt._getFormattedRow(view.latestGrid, 0)).contains("Unlucky Lee", "$2,500.00");
		assertThat(view.sections).isEmpty();
	}

	@Test
	void beforeTheFirstWindowClosesTheTabSaysWhenItWill() {
		TestDatabase.openWindow(1001, "James Chen", W1, "2500.00", "0", 8, W1.plusSeconds(70));
		UI.getCurrent().navigate("hotel");
		HotelOffersView view = LocatorJ._get(HotelOffersView.class);

		refreshAndWait(() -> assertThat(view.latestEmpty.getText()).contains("No window has closed yet",
				"watermark passes 10:05:00", "10:05:10"));
		assertThat(view.latestGrid.isVisible()).isFalse();
	}

	@Test
	void markAsRedeemedRecordsTheSignedInHostAndShowsRedeemed() {
		playedThreeWindows();
		signInAs("hank", StaffRole.HOST);
		UI.getCurrent().navigate("hotel");
		HotelOffersView view = LocatorJ._get(HotelOffersView.class);
		refreshAndWait(() -> assertThat(GridKt._size(view.latestGrid)).isEqualTo(1));

		Button redeem = (Button) GridKt._getCellComponent(view.latestGrid, 0, "action");
		redeem.click();

		assertThat(notificationTexts()).anySatisfy(text -> assertThat(text).contains("Sofia Rossi", "marked as redeemed by hank"));
		assertThat(TestDatabase.sql().sql("SELECT redeemed_by FROM redeemed_offers").query(String.class).single())
			.isEqualTo("hank");
		assertThat(TestDatabase.auditRows()).singleElement().asString().startsWith("hank HOST redeem | hotel · member ");
		refreshAndWait(() -> assertThat(String.join(" ", GridKt._getFormattedRow(view.latestGrid, 0))).contains("Redeemed"));
	}

}
