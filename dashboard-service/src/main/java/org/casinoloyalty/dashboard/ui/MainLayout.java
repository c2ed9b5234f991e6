package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import org.casinoloyalty.dashboard.live.LiveState;
import org.casinoloyalty.dashboard.live.SnapshotPoller;
import org.casinoloyalty.dashboard.rules.OfferRuleService;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame around every tab: the five tabs of the original as links, the sidebar (drawer), a status
 * line and the outage banner. It holds this browser's one subscription to the shared poller and
 * hands each snapshot to the visible tab.
 */
public class MainLayout extends AppLayout implements AfterNavigationObserver {

	/** Route and label of each tab, in the original's order. */
	public record TabLink(String label, String route) {
	}

	public static final List<TabLink> TABS = List.of(new TabLink("Hotel Room Offers", "hotel"),
			new TabLink("Drink Offers", "drinks"), new TabLink("Fulfillment", "fulfillment"),
			new TabLink("Analytics", "analytics"), new TabLink("All Members", "members"));

	final Div outageBanner = new Div();

	final Span status = new Span("Connecting to the engine…");

	final Tabs tabs = new Tabs();

	final Sidebar sidebar;

	private final SnapshotPoller poller;

	private final DashboardSession session;

	private final Div content = new Div();

	private HasElement view;

	private SnapshotPoller.Subscription subscription;

	private LiveState lastState;

	MainLayout(SnapshotPoller poller, DashboardSession session, OfferRuleService rules) {
		this.poller = poller;
		this.session = session;
		this.sidebar = new Sidebar(session, rules, poller, this::changeRefresh);
		setPrimarySection(Section.DRAWER);

		H1 title = new H1("Casino Loyalty Rewards");
		title.addClassName("app-title");
		List<Tab> tabList = new ArrayList<>();
		for (TabLink link : TABS) {
			Anchor anchor = new Anchor(link.route(), link.label());
			// Client-side navigation: the tab switches without reloading the page.
			anchor.getElement().setAttribute("router-link", true);
			Tab tab = new Tab(anchor);
			tab.setId("tab-" + link.route());
			tabList.add(tab);
		}
		tabs.add(tabList.toArray(Tab[]::new));
		tabs.addClassName("main-tabs");
		status.addClassName("status-line");
		addToNavbar(new DrawerToggle(), title, tabs);
		addToDrawer(sidebar);

		outageBanner.addClassName("outage-banner");
		outageBanner.setVisible(false);
		outageBanner.setId("outage-banner");
		content.addClassName("tab-content");
		setContent(new Div(outageBanner, status, content));
	}

	@Override
	public void showRouterLayoutContent(HasElement newView) {
		content.getElement().removeAllChildren();
		if (newView != null) {
			content.getElement().appendChild(newView.getElement());
		}
		view = newView;
		if (lastState != null) {
			lastState.snapshot().ifPresent(snapshot -> {
				if (view instanceof LiveView live) {
					live.show(snapshot);
				}
			});
		}
	}

	@Override
	public void afterNavigation(AfterNavigationEvent event) {
		String path = event.getLocation().getFirstSegment();
		for (int i = 0; i < TABS.size(); i++) {
			if (TABS.get(i).route().equals(path) || (path.isEmpty() && i == 0)) {
				tabs.setSelectedIndex(i);
			}
		}
	}

	@Override
	protected void onAttach(AttachEvent attachEvent) {
		UI ui = attachEvent.getUI();
		subscription = poller.subscribe(session.refresh(), state -> ui.access(() -> apply(state)));
	}

	@Override
	protected void onDetach(DetachEvent detachEvent) {
		if (subscription != null) {
			subscription.cancel();
			subscription = null;
		}
	}

	private void changeRefresh(java.time.Duration refresh) {
		session.setRefresh(refresh);
		if (subscription != null) {
			subscription.setInterval(refresh);
		}
	}

	/** Shows one state from the poller; runs on the UI thread. */
	void apply(LiveState state) {
		lastState = state;
		state.outage().ifPresentOrElse(outage -> {
			outageBanner.setText("The database is unreachable since " + Formats.time(outage.since()) + " UTC ("
					+ outage.reason() + "). "
					+ state.snapshot().map(s -> "Showing the data read at " + Formats.time(s.readAt()) + " UTC. ")
						.orElse("No data has been read yet. ")
					+ "Retrying every " + session.refresh().toSeconds() + " s; redemptions are refused until it is back.");
			outageBanner.setVisible(true);
		}, () -> outageBanner.setVisible(false));
		state.snapshot().ifPresent(snapshot -> {
			status.setText(snapshot.engine().label() + " · watermark ≈ " + Formats.time(snapshot.watermark().current())
					+ " UTC · updated " + Formats.time(snapshot.readAt()) + " UTC · every "
					+ session.refresh().toSeconds() + " s");
			sidebar.show(snapshot);
			if (view instanceof LiveView live) {
				live.show(snapshot);
			}
		});
	}

}
