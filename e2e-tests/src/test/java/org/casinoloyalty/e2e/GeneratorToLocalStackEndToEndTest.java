package org.casinoloyalty.e2e;

import org.casinoloyalty.generator.GeneratorApplication;
import org.casinoloyalty.localstack.LocalStackApplication;
import org.casinoloyalty.localstack.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole local path: the real generator publishes into the embedded Kafka broker, local-stack
 * ingests into PostgreSQL, and closed windows appear in {@code member_daily_summary}.
 */
class GeneratorToLocalStackEndToEndTest {

	@TempDir
	static Path dataDirectory;

	static ConfigurableApplicationContext localStack;

	static ConfigurableApplicationContext generator;

	static JdbcClient sql;

	@BeforeAll
	static void startBoth() {
		localStack = new SpringApplicationBuilder(LocalStackApplication.class).run(Applications.localStack(
				"--server.port=0",
				"--casino.local-stack.data-directory=" + dataDirectory,
				"--casino.local-stack.kafka.port=0",
				"--casino.local-stack.kafka.controller-port=0",
				"--casino.local-stack.sql.port=0"));
		String bootstrap = localStack.getBean(EmbeddedKafkaBroker.class).bootstrapServers();
		sql = JdbcClient.create(localStack.getBean(DataSource.class));
		generator = new SpringApplicationBuilder(GeneratorApplication.class, FastClock.class).run(Applications.generator(
				"--server.port=0", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + bootstrap,
				"--casino.generator.default-rate=200",
				"--casino.generator.auto-start=true"));
	}

	@AfterAll
	static void stopBoth() throws Exception {
		Shutdown.inOrder(generator, localStack);
	}

	@Test
	void generatorEventsReachTheClosedWindowsOfMemberDailySummary() {
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
				sql.sql("SELECT count(*) FROM member_daily_summary").query(Long.class).single()).isPositive());

		var window = sql.sql("""
				SELECT min(window_start) AS window_start, min(window_end) AS window_end,
				       sum(transaction_count) AS transactions, count(DISTINCT member_id) AS members
				FROM member_daily_summary""").query().singleRow();
		assertThat(window.get("window_start").toString()).isEqualTo("2026-01-01 00:00:00.0");
		assertThat(window.get("window_end").toString()).isEqualTo("2026-01-01 00:05:00.0");
		assertThat(((Number) window.get("transactions")).longValue()).isPositive();
		assertThat(((Number) window.get("members")).longValue()).isBetween(2L, 15L);

		long ingested = sql.sql("SELECT count(*) FROM gaming_transactions").query(Long.class).single();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				sql.sql("SELECT count(*) FROM gaming_transactions").query(Long.class).single()).isGreaterThan(ingested));
	}

	/** Event time running 60 times faster than real time, so 5-minute windows close within seconds. */
	@Configuration(proxyBeanMethods = false)
	static class FastClock {

		static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

		@Bean
		@Primary
		Clock fastClock() {
			long realStart = System.nanoTime();
			return new Clock() {
				@Override
				public ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(ZoneId zone) {
					throw new UnsupportedOperationException();
				}

				@Override
				public Instant instant() {
					return START.plusNanos((System.nanoTime() - realStart) * 60);
				}
			};
		}

	}

}
