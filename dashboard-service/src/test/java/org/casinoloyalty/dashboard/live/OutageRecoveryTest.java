package org.casinoloyalty.dashboard.live;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine goes away under an open dashboard and comes back on the same port: the browser is told
 * with the next refresh and recovers without a reload.
 */
@SpringBootTest(properties = "casino.dashboard.new-offers.enabled=false")
class OutageRecoveryTest {

	private static final Path DATA;

	private static EmbeddedPostgres postgres;

	static {
		try {
			DATA = Files.createTempDirectory("dashboard-outage");
			postgres = start(0);
			new ResourceDatabasePopulator(new ClassPathResource("db/dashboard-fixture.sql"))
				.execute(postgres.getPostgresDatabase());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static EmbeddedPostgres start(int port) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false);
		if (port != 0) {
			builder.setPort(port);
		}
		return builder.start();
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@Autowired
	SnapshotPoller poller;

	@Test
	void anOutageIsShownWithinOneIntervalAndClearsByItself() throws IOException {
		List<LiveState> received = new CopyOnWriteArrayList<>();
		Duration interval = Duration.ofSeconds(2);
		SnapshotPoller.Subscription subscription = poller.subscribe(interval, received::add);
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !received.isEmpty() && received.getLast().snapshot().isPresent()
						&& received.getLast().outage().isEmpty());

			int port = postgres.getPort();
			postgres.close();
			int deliveredBefore = received.size();
			await().atMost(Duration.ofSeconds(30)).until(() -> received.getLast().outage().isPresent());
			// Counted in refreshes, not seconds (a busy machine stretches seconds): the banner comes with the
			// first refresh after the engine went, or the one after it if a read was already under way.
			List<LiveState> since = received.subList(deliveredBefore, received.size());
			assertThat(since.stream().takeWhile(state -> state.outage().isEmpty()).count())
				.as("refreshes without the banner after the engine went").isLessThanOrEqualTo(1);
			LiveState during = received.getLast();
			assertThat(during.snapshot()).as("the last good data stays on screen").isPresent();
			assertThat(during.outage().orElseThrow().reason()).isNotBlank();

			postgres = start(port);
			await().atMost(Duration.ofSeconds(20)).until(() -> received.getLast().outage().isEmpty());
			assertThat(received.getLast().snapshot().orElseThrow().readAt()).isAfter(during.snapshot().orElseThrow().readAt());
		}
		finally {
			subscription.cancel();
		}
	}

}
