package org.casinoloyalty.dashboard;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import org.casinoloyalty.dashboard.live.SnapshotPoller;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Browserless view test (Karibu) with the real Spring beans and the test database: views are
 * navigated to, the shared poller pushes into them, clicks go through the real services.
 */
public abstract class ViewTest extends DatabaseTest {

	/** Views are package-private, which Karibu's class-path scan skips; so they are listed here. */
	private static final Routes ROUTES = routes("offers.ui.HotelOffersView", "offers.ui.DrinkOffersView",
			"fulfillment.ui.FulfillmentView", "analytics.ui.AnalyticsView", "members.ui.MembersView",
			"audit.ui.AuditView", "staff.ui.LoginView");

	@Autowired
	protected ApplicationContext context;

	@Autowired
	protected SnapshotPoller poller;

	@SuppressWarnings("unchecked")
	private static Routes routes(String... views) {
		Routes routes = new Routes();
		for (String view : views) {
			try {
				routes.getRoutes().add((Class<? extends Component>) Class.forName("org.casinoloyalty.dashboard." + view));
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return routes;
	}

	/** Every view test starts signed in as the manager "mia"; {@link #signInAs} changes who. */
	@BeforeEach
	void startVaadin() {
		MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
		signInAs("mia", StaffRole.MANAGER);
	}

	@AfterEach
	void stopVaadin() {
		MockVaadin.tearDown();
	}

	/**
	 * Signs in on both sides Vaadin looks at: Spring Security's context (the services' role checks)
	 * and the request's principal and roles (the views' access annotations). Navigate afterwards.
	 */
	@Override
	protected void signInAs(String username, StaffRole role) {
		super.signInAs(username, role);
		var token = token(username, role);
		FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
		request.setUserPrincipalInt(token);
		request.setUserInRole((principal, name) -> role.grantedRoles().contains(name));
	}

	/** The text of every open notification. */
	protected static List<String> notificationTexts() {
		return NotificationsKt.getNotifications()
			.stream()
			.map(n -> n.getChildren()
				.filter(Span.class::isInstance)
				.map(c -> ((Span) c).getText())
				.collect(Collectors.joining(" ")))
			.toList();
	}

	/** Reads the database now and waits until the open UI has received and applied that read. */
	protected void refreshAndWait(Runnable uiAssertion) {
		Instant requested = Instant.now();
		poller.refreshNow();
		await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> {
			MockVaadin.clientRoundtrip(false);
			if (poller.state().snapshot().map(s -> s.readAt().isBefore(requested)).orElse(true)) {
				throw new AssertionError("no snapshot read since " + requested + " yet");
			}
			uiAssertion.run();
		});
	}

}
