package org.casinoloyalty.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
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
 * -Dit.test=DashboardScreenshotsIT -Ddashboard.url=http://localhost:8501 [-Dscreenshots.redeem=true]}. Each tab
 * must show data first.
 */
class DashboardScreenshotsIT {

	private static final Map<String, String> TABS = Map.of("hotel", "Hotel Room Offers", "drinks", "Drink Offers",
			"fulfillment", "Fulfillment", "analytics", "Analytics", "members", "All Members");

	@Test
	void screenshotOfEachTab() throws Exception {
		String url = System.getProperty("dashboard.url");
		assumeTrue(url != null, "screenshots only on request: -Ddashboard.url=http://localhost:8501");
		Path out = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
		Files.createDirectories(out);
		try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
				Browser browser = playwright.chromium()
					.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
						.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")))) {
			PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
			Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1500));
			for (String route : List.of("hotel", "drinks", "fulfillment", "analytics", "members")) {
				page.navigate(url + "/" + route);
				assertThat(page.locator("h2").first()).hasText(TABS.get(route));
				assertThat(page.locator(".status-line")).containsText("updated");
				if (route.equals("hotel") && Boolean.getBoolean("screenshots.redeem")) {
					// -Dscreenshots.redeem=true: redeem the first pending offer, so Fulfillment shows a redemption.
					page.getByLabel("Operator name").fill("Demo operator");
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
