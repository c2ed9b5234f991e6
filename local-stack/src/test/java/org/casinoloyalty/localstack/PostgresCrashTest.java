package org.casinoloyalty.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casinoloyalty.localstack.Events.bet;

/** Issue 13: the embedded PostgreSQL killed alone (SIGKILL of its postmaster) while local-stack runs. */
class PostgresCrashTest {

	private static final String DAY = "2026-03-01 ";

	@TempDir
	Path dataDirectory;

	@Test
	void aKilledPostgresIsStartedAgainAndIngestionGoesOnWithNothingLostOrTwice() throws Exception {
		try (RunningLocalStack stack = RunningLocalStack.start(dataDirectory)) {
			// a commit must be in the log before it returns; zonky's default (off) lost the last batch here
			assertThat(stack.sql().sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
			stack.send(0, "1001", bet(1, 1001, "Alice", "10.00", "slot", DAY + "10:00:01.000"));
			stack.awaitIngested(Duration.ofSeconds(30));

			long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid")).getFirst().strip());
			ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow();
			process.destroyForcibly();
			process.onExit().get();
			stack.send(0, "1001", bet(2, 1001, "Alice", "20.00", "slot", DAY + "10:00:02.000"));
			stack.send(0, "1001", bet(3, 1001, "Alice", "30.00", "slot", DAY + "10:00:03.000"));

			stack.awaitIngested(Duration.ofSeconds(60));
			assertThat(stack.sql().sql("SELECT total_spend || '|' || transaction_count FROM member_window_live").query(String.class).list())
				.containsExactly("60.00|3");
			assertThat(stack.sql().sql("SELECT count(*) FROM gaming_transactions").query(Long.class).single()).isEqualTo(3);
			long restarted = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid")).getFirst().strip());
			assertThat(restarted).isNotEqualTo(postmaster);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stack.health()).contains("\"status\":\"UP\""));
		}
	}

}
