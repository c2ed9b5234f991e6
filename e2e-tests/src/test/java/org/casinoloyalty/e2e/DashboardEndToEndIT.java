package org.casinoloyalty.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casinoloyalty.dashboard.DashboardApplication;
import org.casinoloyalty.localstack.Events;
import org.casinoloyalty.localstack.LocalStackApplication;
import org.casinoloyalty.localstack.broker.EmbeddedKafkaBroker;
import org.casinoloyalty.localstack.database.EmbeddedSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole path in a real browser: local-stack (Kafka + PostgreSQL) on random ports receives events
 * with chosen times, so a window has closed with a hotel offer at once; the dashboard runs on a
 * random port; Debian's chromium signs in as the host, redeems the offer, finds it under the host's
 * name in Fulfillment and downloads the members CSV, then signs in as the manager and finds the
 * redemption in the audit trail. Last, a window that closes while the page is open: its offers reach
 * the screen through topic loyalty-offers with a notice, and a reload paints data at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardEndToEndIT {

	private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private static final LocalDateTime WINDOW = LocalDateTime.of(2026, 1, 1, 10, 0);

	@TempDir
	static Path dataDirectory;

	static ConfigurableApplicationContext localStack;

	static ConfigurableApplicationContext dashboard;

	static Playwright playwright;

	static Browser browser;

	@BeforeAll
	static void startEverything() {
		assumeTrue(DashboardBrowser.available(), "no chromium at " + DashboardBrowser.CHROMIUM + " (apt-get install chromium)");
		localStack = new SpringApplicationBuilder(LocalStackApplication.class).run(Applications.localStack(
				"--spring.main.web-application-type=none", "--casino.local-stack.data-directory=" + dataDirectory,
				"--casino.local-stack.kafka.port=0", "--casino.local-stack.kafka.controller-port=0",
				"--casino.local-stack.sql.port=0"));
		publishEvents(localStack.getBean(EmbeddedKafkaBroker.class).bootstrapServers());
		EmbeddedSqlServer sql = localStack.getBean(EmbeddedSqlServer.class);
		dashboard = new SpringApplicationBuilder(DashboardApplication.class).run(Applications.dashboard("--server.port=0",
				"--spring.datasource.url=" + sql.jdbcUrl(), "--spring.datasource.username=" + sql.username(),
				"--spring.kafka.bootstrap-servers=" + localStack.getBean(EmbeddedKafkaBroker.class).bootstrapServers(),
				"--casino.dashboard.live.default-refresh=1"));
		playwright = DashboardBrowser.playwright();
		browser = DashboardBrowser.launch(playwright);
	}


	/**
	 * James Chen bets $6,000 between 10:00 and 10:01; a heartbeat at 10:05:20 moves the watermark to
	 * 10:05:10, which closes the window 10:00-10:05 with a hotel offer.
	 */
	private static void publishEvents(String bootstrapServers) {
		publish(bootstrapServers, producer -> {
			long id = System.currentTimeMillis() * 1000;
			for (int i = 0; i < 12; i++) {
				producer.send(new ProducerRecord<>("gaming-transactions", "1001",
						Events.bet(id++, 1001, "James Chen", "500.00", "blackjack", EVENT_TIME.format(WINDOW.plusSeconds(5 + 5L * i)))));
			}
			producer.send(new ProducerRecord<>("gaming-transactions", "1002",
					Events.bet(id, 1002, "Sofia Rossi", "250.00", "slot", EVENT_TIME.format(WINDOW.plusMinutes(5).plusSeconds(15)))));
			producer.send(new ProducerRecord<>("gaming-transactions", "heartbeat",
					Events.heartbeat(EVENT_TIME.format(WINDOW.plusMinutes(5).plusSeconds(20)))));
		});
	}

	/**
	 * Ava Patel bets $6,000 between 10:06 and 10:07; a heartbeat at 10:10:20 closes the window 10:05-10:10
	 * with her hotel and drink offers.
	 */
	private static void closeTheSecondWindow(String bootstrapServers) {
		publish(bootstrapServers, producer -> {
			long id = System.currentTimeMillis() * 1000;
			for (int i = 0; i < 6; i++) {
				producer.send(new ProducerRecord<>("gaming-transactions", "1003",
						Events.bet(id++, 1003, "Ava Patel", "1000.00", "roulette", EVENT_TIME.format(WINDOW.plusMinutes(6).plusSeconds(10L * i)))));
			}
			producer.send(new ProducerRecord<>("gaming-transactions", "heartbeat",
					Events.heartbeat(EVENT_TIME.format(WINDOW.plusMinutes(10).plusSeconds(20)))));
		});
	}

	private static void publish(String bootstrapServers, Consumer<KafkaProducer<String, String>> sends) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
			sends.accept(producer);
			producer.flush();
		}
	}

	@AfterAll
	static void stopEverything() throws Exception {
		Shutdown.inOrder(browser, playwright, dashboard, localStack);
	}

	/** On a real server a refusal goes through the container's error dispatch, which MockMvc does not do. */
	@Test
	@Order(1)
	void refusalsReachTheCallerAsTheirStatusNotAsARedirectToTheSignInPage() throws Exception {
		String url = "http://localhost:" + ((WebServerApplicationContext) dashboard).getWebServer().getPort();
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> anonymousMetrics = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/metrics")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymousMetrics.statusCode()).isEqualTo(401);
		assertThat(anonymousMetrics.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
		HttpResponse<String> managerMetrics = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/metrics"))
			.header("Authorization", DashboardBrowser.managerAuthorization())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(managerMetrics.statusCode()).isEqualTo(200);
		HttpResponse<String> crossSiteSignIn = http.send(HttpRequest.newBuilder(URI.create(url + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Sec-Fetch-Site", "cross-site")
			.POST(HttpRequest.BodyPublishers.ofString("username=host&password=host-demo"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(crossSiteSignIn.statusCode()).isEqualTo(403);
		assertThat(crossSiteSignIn.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
		// The style sheet dresses the sign-in page; the chart scripts hold no data either.
		for (String file : List.of("/css/dashboard.css", "/js/casino-chart.js", "/webjars/chart.js/4.5.1/dist/chart.umd.min.js")) {
			int status = http.send(HttpRequest.newBuilder(URI.create(url + file)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			assertThat(status).as(file + " before sign-in").isEqualTo(200);
		}
	}

	@Test
	@Order(2)
	void aHostRedeemsAnOfferFindsTheirNameInFulfillmentAndAManagerFindsItInTheAuditTrail() throws IOException {
		String url = "http://localhost:" + ((WebServerApplicationContext) dashboard).getWebServer().getPort();
		PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
		Page page = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true)).newPage();
		page.setDefaultTimeout(30_000);

		page.navigate(url + "/hotel");
		assertThat(page.locator("vaadin-login-form")).isVisible();
		assertThat(page.locator("#hotel-latest")).hasCount(0);

		DashboardBrowser.signIn(page, url, DashboardBrowser.HOST, DashboardBrowser.HOST_PASSWORD);
		assertThat(page.locator("#signed-in-as")).hasText("host · host");
		assertThat(page.locator("#tab-audit")).hasCount(0);
		Locator latest = page.locator("#hotel-latest");
		assertThat(latest.getByText("James Chen")).isVisible();
		assertThat(latest.getByText("$6,000.00")).isVisible();
		assertThat(page.locator(".watermark-text").first()).containsText("Thu 1 Jan 2026, 10:00–10:05 UTC");

		latest.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as redeemed")).click();
		assertThat(page.getByText("marked as redeemed by host")).isVisible();
		assertThat(latest.getByText("Redeemed", new Locator.GetByTextOptions().setExact(true))).isVisible();

		page.locator("#tab-fulfillment").click();
		Locator redeemed = page.locator("#redeemed-grid");
		assertThat(redeemed.getByText("James Chen")).isVisible();
		assertThat(redeemed.getByText("host", new Locator.GetByTextOptions().setExact(true))).isVisible();

		page.locator("#tab-members").click();
		assertThat(page.locator("#leaderboard-grid").getByText("Sofia Rossi")).isVisible();
		Download download = page.waitForDownload(() -> page.locator("#leaderboard-csv").click());
		String csv = Files.readString(download.path());
		assertThat(csv).startsWith("member_id,member_name,lifetime_spend").contains("1001,James Chen,6000");
		assertThat(download.suggestedFilename()).isEqualTo("member-leaderboard.csv");

		page.locator("#sign-out").click();
		assertThat(page.locator("vaadin-login-form")).isVisible();
		DashboardBrowser.signIn(page, url, DashboardBrowser.MANAGER, DashboardBrowser.MANAGER_PASSWORD);
		page.locator("#tab-audit").click();
		Locator trail = page.locator("#audit-grid");
		assertThat(trail.getByText("Redeemed", new Locator.GetByTextOptions().setExact(true))).isVisible();
		assertThat(trail.getByText("hotel · member 1001 (James Chen) · window 2026-01-01T10:00")).isVisible();
		Download audit = page.waitForDownload(() -> page.locator("#audit-csv").click());
		assertThat(Files.readString(audit.path())).contains(",host,HOST,redeem,hotel · member 1001 (James Chen)",
				",host,HOST,sign_in,dashboard,", ",manager,MANAGER,sign_in,dashboard,");
	}

	/**
	 * Issue 12, points 4 and 5: the window closes while the Hotel tab is open; local-stack's outbox hands the
	 * offers to loyalty-offers, the dashboard's listener refreshes the shared snapshot and every screen shows
	 * the notice; a page opened afterwards paints the data in its first response, never "Connecting…".
	 */
	@Test
	@Order(3)
	void offersOfAWindowThatClosesWhileThePageIsOpenArriveWithANoticeAndAReloadPaintsAtOnce() {
		String url = "http://localhost:" + ((WebServerApplicationContext) dashboard).getWebServer().getPort();
		PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
		Page page = browser.newContext().newPage();
		page.setDefaultTimeout(30_000);
		DashboardBrowser.signIn(page, url, DashboardBrowser.HOST, DashboardBrowser.HOST_PASSWORD);
		page.navigate(url + "/hotel");
		assertThat(page.locator("#hotel-latest").getByText("James Chen")).isVisible();

		closeTheSecondWindow(localStack.getBean(EmbeddedKafkaBroker.class).bootstrapServers());

		assertThat(page.locator("vaadin-notification-card").getByText("1 new hotel offer and 1 new drink offer, 10:05-10:10"))
			.isVisible();
		assertThat(page.locator("#hotel-latest").getByText("Ava Patel")).isVisible();

		page.reload();
		String firstPaint = page.locator(".status-line").textContent();
		assertThat(firstPaint).as("the status line as the first response paints it").doesNotContain("Connecting")
			.contains("watermark");
	}

}
