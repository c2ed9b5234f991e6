package org.casinoloyalty.dashboard.members.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.SortDirection;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.ViewTest;
import org.casinoloyalty.dashboard.members.LeaderboardEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MembersViewTest extends ViewTest {

	@Test
	void leaderboardIsSortableAndTheCsvHoldsTheRowsInTheOrderShown() {
		TestDatabase.sql().sql("""
				INSERT INTO member_leaderboard VALUES (1001, 'Zoe Park', 12000, 11000, -1000, 150, TIMESTAMP '2026-01-01 10:04:00'),
				                                      (1002, 'Lee, Ann', 3000, 3450, 450, 40, TIMESTAMP '2026-01-01 10:03:00')""")
			.update();
		UI.getCurrent().navigate("members");
		MembersView view = LocatorJ._get(MembersView.class);

		refreshAndWait(() -> assertThat(GridKt._size(view.leaderboard)).isEqualTo(2));
		assertThat(GridKt._getFormattedRow(view.leaderboard, 0)).as("biggest spender first").contains("Zoe Park", "$12,000.00");

		// by name, ascending puts the other member first: a check that passes only if the grid sorted
		Grid.Column<LeaderboardEntry> name = view.leaderboard.getColumns().get(1);
		view.leaderboard.sort(List.of(new com.vaadin.flow.component.grid.GridSortOrder<>(name, SortDirection.ASCENDING)));
		assertThat(GridKt._getFormattedRow(view.leaderboard, 0)).contains("Lee, Ann");
		view.leaderboard.sort(List.of(new com.vaadin.flow.component.grid.GridSortOrder<>(name, SortDirection.DESCENDING)));
		assertThat(GridKt._getFormattedRow(view.leaderboard, 0)).contains("Zoe Park");

		String csv = new String(com.github.mvysny.kaributesting.v10.DownloadKt._download(view.leaderboardCsv),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.split("\r\n")).containsExactly(
				"member_id,member_name,lifetime_spend,lifetime_winnings,lifetime_net,lifetime_transactions,last_seen",
				"1001,Zoe Park,12000,11000,-1000,150,2026-01-01T10:04",
				"1002,\"Lee, Ann\",3000,3450,450,40,2026-01-01T10:03");
	}

}
