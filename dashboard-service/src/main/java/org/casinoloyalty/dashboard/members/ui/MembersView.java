package org.casinoloyalty.dashboard.members.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.casinoloyalty.dashboard.live.LiveProperties;
import org.casinoloyalty.dashboard.live.LiveSnapshot;
import org.casinoloyalty.dashboard.live.Watermark;
import org.casinoloyalty.dashboard.members.LeaderboardEntry;
import org.casinoloyalty.dashboard.members.MemberActivity;
import org.casinoloyalty.dashboard.members.MemberRows;
import org.casinoloyalty.dashboard.members.MemberCsv;
import org.casinoloyalty.dashboard.members.MemberWindow;
import org.casinoloyalty.dashboard.members.MembersLiveQuery;
import org.casinoloyalty.dashboard.ui.CsvDownload;
import org.casinoloyalty.dashboard.ui.Formats;
import org.casinoloyalty.dashboard.ui.LiveView;
import org.casinoloyalty.dashboard.ui.MainLayout;
import org.casinoloyalty.dashboard.ui.MemberSearchField;
import org.casinoloyalty.dashboard.ui.PagedRows;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * All Members: the all-time leaderboard and one window's activity at a time, both sorted and searched on
 * the engine a page at a time, each with a CSV download of every row of the grid's search, in its order.
 */
@Route(value = "members", layout = MainLayout.class)
@PermitAll
@Menu(order = 5, title = "All Members")
@PageTitle("All Members · Casino Loyalty")
class MembersView extends VerticalLayout implements LiveView {

	final Grid<LeaderboardEntry> leaderboard = new Grid<>();

	final Grid<MemberWindow> windows = new Grid<>();

	final TextField leaderboardSearch = MemberSearchField.create();

	final TextField windowSearch = MemberSearchField.create();

	final Select<LocalDateTime> windowChoice = new Select<>();

	final PagedRows<LeaderboardEntry> leaderboardRows;

	final PagedRows<MemberWindow> windowRows;

	final Anchor leaderboardCsv;

	final Anchor windowsCsv;

	private final LiveProperties live;

	private MemberActivity shown;

	MembersView(MemberRows rows, LiveProperties live) {
		this.live = live;
		setWidthFull();
		add(new H2("All Members"));
		configureLeaderboard();
		configureWindows();
		leaderboardRows = new PagedRows<>(leaderboard, rows::leaderboard);
		windowRows = new PagedRows<>(windows,
				(search, sort, offset, limit) -> windowChoice.getValue() == null ? List.of()
						: rows.window(windowChoice.getValue(), search, sort, offset, limit));
		leaderboardSearch.addValueChangeListener(event -> leaderboardRows.search(event.getValue()));
		windowSearch.addValueChangeListener(event -> windowRows.search(event.getValue()));
		leaderboardCsv = CsvDownload.link("member-leaderboard.csv", leaderboardRows, MemberCsv.LEADERBOARD);
		leaderboardCsv.setId("leaderboard-csv");
		windowsCsv = CsvDownload.link("member-windows.csv", windowRows, MemberCsv.WINDOWS);
		windowsCsv.setId("windows-csv");
		windowChoice.setLabel("Window");
		windowChoice.setItemLabelGenerator(start -> Formats.window(start, start.plus(Watermark.WINDOW))
				+ (shown != null && start.equals(shown.openWindow()) ? " (open)" : ""));
		windowChoice.addValueChangeListener(event -> {
			if (event.isFromClient()) {
				showWindow();
			}
		});
		TabSheet sheet = new TabSheet();
		sheet.setWidthFull();
		sheet.add("Leaderboard (all time)", section(leaderboard, leaderboardCsv, leaderboardSearch));
		sheet.add("Per-window activity", section(windows, windowsCsv, windowChoice, windowSearch));
		add(sheet);
	}

	private static VerticalLayout section(Grid<?> grid, Anchor csv, com.vaadin.flow.component.Component... filters) {
		HorizontalLayout bar = new HorizontalLayout(filters);
		bar.add(csv);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		bar.expand(filters[filters.length - 1]);
		bar.setWidthFull();
		VerticalLayout layout = new VerticalLayout(bar, grid);
		layout.setPadding(false);
		return layout;
	}

	private void configureLeaderboard() {
		leaderboard.setId("leaderboard-grid");
		leaderboard.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		leaderboard.setHeight("600px");
		leaderboard.addColumn(LeaderboardEntry::memberId).setHeader("Member").setKey("memberId").setSortable(true).setAutoWidth(true);
		leaderboard.addColumn(LeaderboardEntry::memberName).setHeader("Name").setKey("memberName").setSortable(true).setAutoWidth(true);
		money(leaderboard, "Lifetime spend", "lifetimeSpend", LeaderboardEntry::lifetimeSpend);
		money(leaderboard, "Lifetime winnings", "lifetimeWinnings", LeaderboardEntry::lifetimeWinnings);
		money(leaderboard, "Lifetime net", "lifetimeNet", LeaderboardEntry::lifetimeNet);
		count(leaderboard, "Transactions", "lifetimeTransactions", LeaderboardEntry::lifetimeTransactions);
		leaderboard.addColumn(e -> Formats.dateTime(e.lastSeen()) + " UTC")
			.setHeader("Last seen")
			.setKey("lastSeen")
			.setSortable(true)
			.setAutoWidth(true);
	}

	private void configureWindows() {
		windows.setId("windows-grid");
		windows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		windows.setHeight("600px");
		windows.addColumn(w -> Formats.window(w.windowStart(), w.windowEnd())).setHeader("Window").setAutoWidth(true);
		windows.addColumn(w -> w.closed() ? "closed" : "open").setHeader("State");
		windows.addColumn(MemberWindow::memberId).setHeader("Member").setKey("memberId").setSortable(true);
		windows.addColumn(MemberWindow::memberName).setHeader("Name").setKey("memberName").setSortable(true).setAutoWidth(true);
		money(windows, "Spend", "totalSpend", MemberWindow::totalSpend);
		money(windows, "Winnings", "totalWinnings", MemberWindow::totalWinnings);
		money(windows, "Net", "netAmount", MemberWindow::netAmount);
		count(windows, "Transactions", "transactionCount", MemberWindow::transactionCount);
	}

	private static <T> void money(Grid<T> grid, String header, String key, Function<T, BigDecimal> amount) {
		grid.addColumn(row -> Formats.money(amount.apply(row)))
			.setHeader(header)
			.setKey(key)
			.setSortable(true)
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true);
	}

	private static <T> void count(Grid<T> grid, String header, String key, ToLongFunction<T> count) {
		grid.addColumn(row -> Formats.count(count.applyAsLong(row)))
			.setHeader(header)
			.setKey(key)
			.setSortable(true)
			.setTextAlign(ColumnTextAlign.END);
	}

	@Override
	public void show(LiveSnapshot snapshot) {
		MemberActivity activity = snapshot.part(MembersLiveQuery.class);
		LocalDateTime previousOpen = shown == null ? null : shown.openWindow();
		shown = activity;
		leaderboardRows.show(activity.leaderboard());
		if (!Objects.equals(previousOpen, activity.openWindow())) {
			boolean followOpen = windowChoice.getValue() == null || windowChoice.getValue().equals(previousOpen);
			windowChoice.setItems(windowsOfHistory(activity.openWindow()));
			if (followOpen) {
				windowChoice.setValue(activity.openWindow());
			}
		}
		showWindow();
	}

	/** The open window's rows are in every snapshot; another window's come from the engine. */
	private void showWindow() {
		if (shown != null && Objects.equals(windowChoice.getValue(), shown.openWindow())) {
			windowRows.show(shown.openWindowMembers());
		}
		else {
			windowRows.unshared();
		}
	}

	/** The open window first, then every window of the history (casino.dashboard.live.history). */
	private List<LocalDateTime> windowsOfHistory(LocalDateTime open) {
		List<LocalDateTime> starts = new ArrayList<>();
		if (open != null) {
			long count = Math.max(1, live.history().dividedBy(Watermark.WINDOW));
			for (long i = 0; i <= count; i++) {
				starts.add(open.minus(Watermark.WINDOW.multipliedBy(i)));
			}
		}
		return starts;
	}

}
