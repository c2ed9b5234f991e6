package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import org.casinoloyalty.dashboard.members.MemberActivityRepository;
import org.casinoloyalty.dashboard.members.MemberWindow;

/** The dashboard: the five tabs of the original. */
@Route("")
@PageTitle("Casino Loyalty Rewards")
class MainView extends VerticalLayout {

	private static final int REFRESH_MILLIS = 5_000;

	final Grid<MemberWindow> membersGrid = new Grid<>(MemberWindow.class, false);
	private final MemberActivityRepository members;
	private Registration pollRegistration;

	MainView(MemberActivityRepository members) {
		this.members = members;
		setSizeFull();
		add(new H2("Casino Loyalty Rewards"));
		TabSheet tabs = new TabSheet();
		tabs.setSizeFull();
		tabs.add("Hotel Room Offers", new Paragraph("Hotel room offers appear here."));
		tabs.add("Drink Offers", new Paragraph("Drink offers appear here."));
		tabs.add("Fulfillment", new Paragraph("Redemptions appear here."));
		tabs.add("Analytics", new Paragraph("Analytics appear here."));
		tabs.add("All Members", membersGrid);
		tabs.setSelectedIndex(4);
		configureMembersGrid();
		add(tabs);
	}

	private void configureMembersGrid() {
		membersGrid.addColumn(MemberWindow::memberId).setHeader("Member").setSortable(true);
		membersGrid.addColumn(MemberWindow::memberName).setHeader("Name").setSortable(true);
		membersGrid.addColumn(MemberWindow::windowStart).setHeader("Window start").setSortable(true);
		membersGrid.addColumn(MemberWindow::windowEnd).setHeader("Window end");
		membersGrid.addColumn(w -> w.closed() ? "closed" : "open").setHeader("Window");
		membersGrid.addColumn(MemberWindow::totalSpend).setHeader("Spend").setSortable(true);
		membersGrid.addColumn(MemberWindow::totalWinnings).setHeader("Winnings");
		membersGrid.addColumn(MemberWindow::netAmount).setHeader("Net").setSortable(true);
		membersGrid.addColumn(MemberWindow::transactionCount).setHeader("Transactions");
		membersGrid.setSizeFull();
	}

	void refresh() {
		membersGrid.setItems(members.recentWindows(500));
	}

	@Override
	protected void onAttach(AttachEvent attachEvent) {
		refresh();
		attachEvent.getUI().setPollInterval(REFRESH_MILLIS);
		pollRegistration = attachEvent.getUI().addPollListener(event -> refresh());
	}

	@Override
	protected void onDetach(DetachEvent detachEvent) {
		pollRegistration.remove();
	}

}
