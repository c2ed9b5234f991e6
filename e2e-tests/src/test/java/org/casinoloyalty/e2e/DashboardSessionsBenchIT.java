package org.casinoloyalty.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The harness of {@code make bench-dashboard} (skipped unless {@code -Dbench.url} and {@code -Dbench.pid}
 * are given): opens real browser sessions (one browser context each, so one Vaadin session each) on
 * a running dashboard and measures its heap after GC and the SQL statements per refresh, first with
 * one session, then with {@code bench.sessions} (default 50). Each session signs in as the host; the
 * metrics are read as the manager (-Ddashboard.user/-Ddashboard.password, default the demo's).
 */
class DashboardSessionsBenchIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.Ee+-]+)");

	/** The first measurement of a timer is its COUNT. */
	private static final String STATEMENTS = "hikaricp.connections.usage";

	@Test
	void heapPerSessionAndStatementsPerRefresh() throws Exception {
		String url = System.getProperty("bench.url");
		String pid = System.getProperty("bench.pid");
		assumeTrue(url != null && pid != null, "benchmark only on request (make bench-dashboard)");
		int sessions = Integer.getInteger("bench.sessions", 50);
		Duration span = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
		List<String> report = new ArrayList<>();
		try (Playwright playwright = DashboardBrowser.playwright(); Browser browser = DashboardBrowser.launch(playwright)) {
			PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
			int before = (int) metric(url, "dashboard.poll.subscribers");
			report.add("browsers subscribed before the run: " + before);

			List<BrowserContext> contexts = new ArrayList<>();
			open(browser, url, contexts);
			awaitSubscribers(url, before + 1);
			double[] one = perRefresh(url, span);
			double heapOne = heapAfterGc(url, pid);
			report.add(String.format("1 session: %.0f reads, %.0f statements in %d s (%.2f per read); heap after GC %.1f MB",
					one[0], one[1], span.toSeconds(), one[2], heapOne / 1048576));

			for (int i = 1; i < sessions; i++) {
				open(browser, url, contexts);
			}
			awaitSubscribers(url, before + sessions);
			double[] many = perRefresh(url, span);
			double heapMany = heapAfterGc(url, pid);
			report.add(String.format("%d sessions: %.0f reads, %.0f statements in %d s (%.2f per read); heap after GC %.1f MB",
					sessions, many[0], many[1], span.toSeconds(), many[2], heapMany / 1048576));
			double perSession = (heapMany - heapOne) / (sessions - 1) / 1048576;
			report.add(String.format("RESULT heap per session: %.3f MB (goal <= 1 MB)", perSession));
			report.add(String.format("RESULT statements per read: %.2f with 1 session, %.2f with %d sessions", one[2],
					many[2], sessions));
			report.add(String.format("RESULT reads in %d s: %.0f with 1 session, %.0f with %d sessions", span.toSeconds(),
					one[0], many[0], sessions));
			contexts.forEach(BrowserContext::close);
		}
		report.forEach(System.out::println);
		Files.write(Path.of("target/bench-dashboard.txt"), report);
	}

	private static void open(Browser browser, String url, List<BrowserContext> contexts) {
		BrowserContext context = browser.newContext();
		contexts.add(context);
		Page page = context.newPage();
		DashboardBrowser.signIn(page, url, DashboardBrowser.HOST, DashboardBrowser.HOST_PASSWORD);
		assertThat(page.locator(".status-line")).containsText("updated");
	}

	private static void awaitSubscribers(String url, int atLeast) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> metric(url, "dashboard.poll.subscribers") >= atLeast);
	}

	/**
	 * reads, statements, statements per read over the span. Statements are counted as the pool's
	 * connection borrows (Hikari's {@code hikaricp.connections.usage}): every statement the dashboard
	 * sends borrows a connection once (JdbcClient), and the production jar has no counter of its own.
	 */
	private static double[] perRefresh(String url, Duration span) throws Exception {
		double reads = metric(url, "dashboard.poll.reads");
		double statements = metric(url, STATEMENTS);
		long end = System.nanoTime() + span.toNanos();
		// Waiting for wall-clock time to pass is the measurement itself here.
		await().atMost(span.plusSeconds(5)).pollInterval(Duration.ofSeconds(1)).until(() -> System.nanoTime() >= end);
		double r = metric(url, "dashboard.poll.reads") - reads;
		double s = metric(url, STATEMENTS) - statements;
		return new double[] { r, s, r == 0 ? 0 : s / r };
	}

	private static double heapAfterGc(String url, String pid) throws Exception {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		for (int i = 0; i < 2; i++) {
			Process gc = new ProcessBuilder(jcmd.toString(), pid, "GC.run").redirectErrorStream(true).start();
			gc.getInputStream().readAllBytes();
			if (gc.waitFor() != 0) {
				throw new IllegalStateException("jcmd " + pid + " GC.run failed");
			}
		}
		return metric(url, "jvm.memory.used?tag=area:heap");
	}

	private static double metric(String url, String name) throws IOException, InterruptedException {
		String body = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/metrics/" + name))
			.header("Authorization", DashboardBrowser.managerAuthorization())
			.build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher matcher = VALUE.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("no value in " + body);
		}
		return Double.parseDouble(matcher.group(1));
	}

}
