package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.casinoloyalty.dashboard.live.LiveState;
import org.casinoloyalty.dashboard.live.SnapshotPoller;
import org.casinoloyalty.dashboard.staff.CurrentStaff;
import org.casinoloyalty.dashboard.staff.StaffMember;
import org.springframework.beans.factory.ObjectProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame around every tab: a tab per view that declares {@code @Menu} (in its order), the sidebar
 * (drawer) with the features' sections, a status line and the outage banner. It holds this browser's
 * one subscription to the shared poller and hands each snapshot to the visible tab and the sidebar.
 * The header names who is signed in, with their role, and signs them out. Open to every signed-in
 * person; a tab that needs a role says so itself, and {@code MenuConfiguration} lists only the tabs
 * the person may open.
 */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

	final Div outageBanner = new Div();

	final Span status = new Span("Connecting to the engine…");

	final Tabs tabs = new Tabs();

	final Sidebar sidebar;

	final Span signedInAs = new Span();

	final Button signOut = new Button("Sign out");

	private final SnapshotPoller poller;

	private final DashboardSession session;

	private final Div content = new Div();

	private HasElement view;

	private SnapshotPoller.Subscription subscription;

	private LiveState lastState;

	private final List<String> tabRoutes = new ArrayList<>();

	MainLayout(SnapshotPoller poller, DashboardSession session, ObjectProvider<SidebarSection> sections,
			CurrentStaff currentStaff, AuthenticationContext signedIn) {
		this.poller = poller;
		this.session = session;
		this.sidebar = new Sidebar(session, sections.orderedStream().toList(), this::changeRefresh);
		setPrimarySection(Section.DRAWER);

		H1 title = new H1("Casino Loyalty Rewards");
		title.addClassName("app-title");
		List<Tab> tabList = new ArrayList<>();
		for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
			String route = entry.path().replaceFirst("^/", "");
			Anchor anchor = new Anchor(route, entry.title());
			// Client-side navigation: the tab switches without reloading the page.
			anchor.getElement().setAttribute("router-link", true);
			Tab tab = new Tab(anchor);
			tab.setId("tab-" + route);
			tabList.add(tab);
			tabRoutes.add(route);
		}
		tabs.add(tabList.toArray(Tab[]::new));
		tabs.addClassName("main-tabs");
		status.addClassName("status-line");
		StaffMember staff = currentStaff.get();
		signedInAs.setText(staff.username() + " · " + staff.role().name().toLowerCase());
		signedInAs.setId("signed-in-as");
		signOut.setId("sign-out");
		signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
		signOut.addClickListener(event -> signedIn.logout());
		HorizontalLayout account = new HorizontalLayout(signedInAs, signOut);
		account.addClassName("signed-in");
		account.setAlignItems(FlexComponent.Alignment.CENTER);
		addToNavbar(new DrawerToggle(), title, tabs, account);
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
		for (int i = 0; i < tabRoutes.size(); i++) {
			if (tabRoutes.get(i).equals(path) || (path.isEmpty() && i == 0)) {
				tabs.setSelectedIndex(i);
			}
		}
	}

	@Override
	protected void onAttach(AttachEvent attachEvent) {
		UI ui = attachEvent.getUI();
		subscription = poller.subscribe(session.refresh(), state -> ui.access(() -> apply(state)));
		// First paint: the latest snapshot in this very response, not "Connecting…" until a push
		LiveState current = poller.state();
		if (current.snapshot().isPresent() || current.outage().isPresent()) {
			apply(current);
		}
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
		state.news().ifPresent(news -> {
			Notification notification = Notification.show(news, 6000, Notification.Position.BOTTOM_END);
			notification.addThemeVariants(NotificationVariant.LUMO_PRIMARY);
			notification.addClassName("news");
		});
	}

}
