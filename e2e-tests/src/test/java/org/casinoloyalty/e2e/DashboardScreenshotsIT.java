package org.casinoloyalty.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Screenshots of each tab of a running dashboard for docs/screenshots, taken only on request:
 * {@code scripts/mvn.sh -pl e2e-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=DashboardScreenshotsIT -Ddashboard.url=http://localhost:8501
 * [-Dscreenshots.redeem=true]}. Each tab
 * must show data first. It signs in as the manager (-Ddashboard.user/-Ddashboard.password when the
 * demo accounts were replaced) and also takes the sign-in page and the audit trail.
 */
class DashboardScreenshotsIT {

	private static final Map<String, String> TABS = Map.of("hotel", "Hotel Room Offers", "drinks", "Drink Offers",
			"fulfillment", "Fulfillment", "analytics", "Analytics", "members", "All Members", "audit", "Audit trail");

	@Test
	void screenshotOfEachTab() throws Exception {
		String url = System.getProperty("dashboard.url");
		assumeTrue(url != null, "screenshots only on request: -Ddashboard.url=http://localhost:8501");
		Path out = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
		Files.createDirectories(out);
		try (Playwright playwright = DashboardBrowser.playwright(); Browser browser = DashboardBrowser.launch(playwright)) {
			PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
			Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1500));
			page.navigate(url + "/login");
			assertThat(page.locator("vaadin-login-form")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("login.png")));
			// The manager sees every tab, the audit trail included.
			DashboardBrowser.signIn(page, url, DashboardBrowser.MANAGER, DashboardBrowser.MANAGER_PASSWORD);
			for (String route : List.of("hotel", "drinks", "fulfillment", "analytics", "members", "audit")) {
				page.navigate(url + "/" + route);
				assertThat(page.locator("h2").first()).hasText(TABS.get(route));
				assertThat(page.locator(".status-line")).containsText("updated");
				if (route.equals("hotel") && Boolean.getBoolean("screenshots.redeem")) {
					// -Dscreenshots.redeem=true: redeem the first pending offer, so Fulfillment shows a redemption.
					page.locator("#hotel-latest vaadin-button").first().click();
					assertThat(page.locator("vaadin-notification-card").first()).containsText("marked as redeemed");
					assertThat(page.locator("#hotel-latest .badge.redeemed").first()).isVisible();
				}
				if (route.equals("analytics")) {
					assertThat(page.locator("casino-chart canvas").first()).isVisible();
				}
				page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve(route + ".png")).setFullPage(true));
			}
		}
	}

}
