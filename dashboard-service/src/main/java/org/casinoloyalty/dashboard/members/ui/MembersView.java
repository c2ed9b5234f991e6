package org.casinoloyalty.dashboard.members.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.casinoloyalty.dashboard.live.LiveSnapshot;
import org.casinoloyalty.dashboard.members.MemberActivity;
import org.casinoloyalty.dashboard.members.MembersLiveQuery;
import org.casinoloyalty.dashboard.members.LeaderboardEntry;
import org.casinoloyalty.dashboard.members.MemberCsv;
import org.casinoloyalty.dashboard.members.MemberWindow;
import org.casinoloyalty.dashboard.ui.CsvDownload;
import org.casinoloyalty.dashboard.ui.Formats;
import org.casinoloyalty.dashboard.ui.LiveView;
import org.casinoloyalty.dashboard.ui.MainLayout;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * All Members: the all-time leaderboard and the per-window activity, both sortable, each with a CSV
 * download of exactly the rows shown, in the order shown.
 */
@Route(value = "members", layout = MainLayout.class)
@PermitAll
@Menu(order = 5, title = "All Members")
@PageTitle("All Members · Casino Loyalty")
class MembersView extends VerticalLayout implements LiveView {

	final Grid<LeaderboardEntry> leaderboard = new Grid<>();

	final Grid<MemberWindow> windows = new Grid<>();

	final Anchor leaderboardCsv;

	final Anchor windowsCsv;

	MembersView() {
		setWidthFull();
		add(new H2("All Members"));
		configureLeaderboard();
		configureWindows();
		leaderboardCsv = CsvDownload.link("member-leaderboard.csv", leaderboard, MemberCsv::writeLeaderboard);
		leaderboardCsv.setId("leaderboard-csv");
		windowsCsv = CsvDownload.link("member-windows.csv", windows, MemberCsv::writeWindows);
		windowsCsv.setId("windows-csv");
		TabSheet sheet = new TabSheet();
		sheet.setWidthFull();
		sheet.add("Leaderboard (all time)", section(leaderboardCsv, leaderboard));
		sheet.add("Per-window activity", section(windowsCsv, windows));
		add(sheet);
	}

	private static VerticalLayout section(Anchor csv, Grid<?> grid) {
		HorizontalLayout bar = new HorizontalLayout(csv);
		bar.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
		bar.setWidthFull();
		VerticalLayout layout = new VerticalLayout(bar, grid);
		layout.setPadding(false);
		return layout;
	}

	private void configureLeaderboard() {
		leaderboard.setId("leaderboard-grid");
		leaderboard.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		leaderboard.setAllRowsVisible(true);
		leaderboard.addColumn(LeaderboardEntry::memberId).setHeader("Member").setSortable(true).setAutoWidth(true);
		leaderboard.addColumn(LeaderboardEntry::memberName).setHeader("Name").setSortable(true).setAutoWidth(true);
		money(leaderboard, "Lifetime spend", LeaderboardEntry::lifetimeSpend);
		money(leaderboard, "Lifetime winnings", LeaderboardEntry::lifetimeWinnings);
		money(leaderboard, "Lifetime net", LeaderboardEntry::lifetimeNet);
		count(leaderboard, "Transactions", LeaderboardEntry::lifetimeTransactions);
		leaderboard.addColumn(e -> Formats.dateTime(e.lastSeen()) + " UTC")
			.setHeader("Last seen")
			.setComparator(Comparator.comparing(LeaderboardEntry::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder())))
			.setAutoWidth(true);
	}

	private void configureWindows() {
		windows.setId("windows-grid");
		windows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		windows.setPageSize(50);
		windows.setHeight("600px");
		windows.addColumn(w -> Formats.window(w.windowStart(), w.windowEnd()))
			.setHeader("Window")
			.setComparator(Comparator.comparing(MemberWindow::windowStart))
			.setAutoWidth(true);
		windows.addColumn(w -> w.closed() ? "closed" : "open").setHeader("State").setSortable(true);
		windows.addColumn(MemberWindow::memberId).setHeader("Member").setSortable(true);
		windows.addColumn(MemberWindow::memberName).setHeader("Name").setSortable(true).setAutoWidth(true);
		money(windows, "Spend", MemberWindow::totalSpend);
		money(windows, "Winnings", MemberWindow::totalWinnings);
		money(windows, "Net", MemberWindow::netAmount);
		count(windows, "Transactions", MemberWindow::transactionCount);
	}

	private static <T> void money(Grid<T> grid, String header, Function<T, BigDecimal> amount) {
		grid.addColumn(row -> Formats.money(amount.apply(row)))
			.setHeader(header)
			.setComparator(Comparator.comparing(amount))
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true);
	}

	private static <T> void count(Grid<T> grid, String header, ToLongFunction<T> count) {
		grid.addColumn(row -> Formats.count(count.applyAsLong(row)))
			.setHeader(header)
			.setComparator(Comparator.comparingLong(count))
			.setTextAlign(ColumnTextAlign.END);
	}

	/**
	 * The download reads the grid's rows in its current sort order, under the session lock (the
	 * grid belongs to the UI), then writes them outside it.
	 */
	@Override
	public void show(LiveSnapshot snapshot) {
		MemberActivity activity = snapshot.part(MembersLiveQuery.class);
		leaderboard.setItems(activity.leaderboard());
		windows.setItems(activity.windows());
	}

}
