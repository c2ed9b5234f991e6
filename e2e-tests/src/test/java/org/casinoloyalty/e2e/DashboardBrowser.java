package org.casinoloyalty.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Debian's Chromium driven by Playwright (which may not download a browser of its own here), and the
 * dashboard's sign-in as a person does it: the form, then the header naming them.
 */
public final class DashboardBrowser {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	/** The demo's accounts (application.yml), or the ones a run names with -Ddashboard.user/-Ddashboard.password. */
	public static final String HOST = "host";

	public static final String HOST_PASSWORD = "host-demo";

	static final String MANAGER = System.getProperty("dashboard.user", "manager");

	static final String MANAGER_PASSWORD = System.getProperty("dashboard.password", "manager-demo");

	private DashboardBrowser() {
	}

	public static boolean available() {
		return Files.isExecutable(CHROMIUM);
	}

	public static Playwright playwright() {
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")));
	}

	public static void signIn(Page page, String baseUrl, String username, String password) {
		page.navigate(baseUrl + "/login");
		page.locator("vaadin-login-form input[name=username]").fill(username);
		page.locator("vaadin-login-form input[name=password]").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
		assertThat(page.locator("#signed-in-as")).containsText(username);
	}

	/** HTTP basic credentials of the manager, for the actuator's metrics. */
	static String managerAuthorization() {
		return "Basic " + Base64.getEncoder().encodeToString((MANAGER + ":" + MANAGER_PASSWORD).getBytes());
	}

}
