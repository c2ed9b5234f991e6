package org.casinoloyalty.dashboard.analytics.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.ViewTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsViewTest extends ViewTest {

	@Test
	void showsOverallFiguresGamesAndCharts() {
		TestDatabase.sql().sql("""
				INSERT INTO game_stats VALUES ('slot', 100, 10000.00, 9200.00, 800.00, 0.08),
				                              ('poker', 10, 5000.00, 5250.00, -250.00, -0.05)""").update();
		TestDatabase.sql().sql("""
				INSERT INTO member_leaderboard VALUES (1001, 'James Chen', 12000, 11000, -1000, 150, TIMESTAMP '2026-01-01 10:04:00'),
				                                      (1002, 'Sofia Rossi', 3000, 3450, 450, 40, TIMESTAMP '2026-01-01 10:03:00')""")
			.update();
		TestDatabase.closedWindow(1001, "James Chen", LocalDateTime.of(2026, 1, 1, 10, 0), "6200.00", "6000.00", 20);
		UI.getCurrent().navigate("analytics");
		AnalyticsView view = LocatorJ._get(AnalyticsView.class);

		refreshAndWait(() -> assertThat(view.figures.get("Members").getText()).isEqualTo("2"));
		assertThat(view.figures.get("Transactions").getText()).isEqualTo("190");
		assertThat(view.figures.get("Wagered").getText()).isEqualTo("$15,000.00");
		assertThat(view.figures.get("Paid out").getText()).isEqualTo("$14,450.00");
		assertThat(view.figures.get("House net").getText()).isEqualTo("$550.00");
		assertThat(view.figures.get("House edge").getText()).isEqualTo("3.67%");
		assertThat(GridKt._size(view.games)).isEqualTo(2);
		assertThat(GridKt._getFormattedRow(view.games, 0)).contains("slot", "8.00%");
		assertThat(view.edgeChart.config()).contains("\"labels\":[\"slot\",\"poker\"]", "8.00", "-5.00");
		assertThat(view.offersChart.config()).contains("\"10:00\"");
	}

}
