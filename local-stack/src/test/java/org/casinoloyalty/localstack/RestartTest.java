package org.casinoloyalty.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stop and start local-stack on the same data directory, the first stop while records are still
 * being ingested: data and user changes are kept, no record is stored twice, none is skipped, and
 * the incrementally maintained aggregates equal RisingWave's queries run over the raw events.
 */
class RestartTest {

	private static final int PER_RUN = 3000;
	private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
	private static final LocalDateTime START = LocalDateTime.parse("2026-04-01T08:00:00");

	@TempDir
	Path dataDirectory;

	@Test
	void aRestartKeepsEverythingAndIngestsEachRecordExactlyOnce() {
		try (RunningLocalStack first = RunningLocalStack.start(dataDirectory)) {
			first.sql().sql("UPDATE offer_rules SET threshold = 4242 WHERE offer_type = 'hotel'").update();
			sendPlays(first, 0);
			first.flush();
		}
		try (RunningLocalStack second = RunningLocalStack.start(dataDirectory)) {
			sendPlays(second, PER_RUN);
			second.awaitIngested(Duration.ofSeconds(60));

			assertThat(count(second, "SELECT count(*) FROM gaming_transactions")).isEqualTo(2L * PER_RUN);
			assertThat(count(second, "SELECT count(DISTINCT transaction_id) FROM gaming_transactions")).isEqualTo(2L * PER_RUN);
			assertThat(count(second, "SELECT sum(transaction_count) FROM member_window_live")).isEqualTo(2L * PER_RUN);
			assertThat(second.health()).contains("\"ingested\":" + 2 * PER_RUN, "\"lateDropped\":0", "\"deadLettered\":0");
			assertThat(second.sql().sql("SELECT threshold FROM offer_rules WHERE offer_type = 'hotel'").query(String.class).single())
				.isEqualTo("4242");

			assertThat(difference(second, "member_window_live", """
					SELECT member_id, member_name,
					       SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE 0 END),
					       SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE 0 END),
					       SUM(CASE WHEN transaction_type = 'win' THEN amount WHEN transaction_type = 'bet' THEN -amount ELSE 0 END),
					       COUNT(*), MAX(transaction_time),
					       date_bin(INTERVAL '5 minutes', transaction_time, TIMESTAMP '1970-01-01'),
					       date_bin(INTERVAL '5 minutes', transaction_time, TIMESTAMP '1970-01-01') + INTERVAL '5 minutes'
					FROM gaming_transactions WHERE transaction_type IN ('bet', 'win')
					GROUP BY 1, 2, 8, 9""")).isZero();
			assertThat(difference(second, "member_leaderboard", """
					SELECT member_id, member_name,
					       SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE 0 END),
					       SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE 0 END),
					       SUM(CASE WHEN transaction_type = 'win' THEN amount WHEN transaction_type = 'bet' THEN -amount ELSE 0 END),
					       COUNT(*), MAX(transaction_time)
					FROM gaming_transactions WHERE transaction_type IN ('bet', 'win')
					GROUP BY 1, 2""")).isZero();
			assertThat(difference(second, "game_stats", """
					SELECT game_type, bet_count, total_wagered, total_paid_out, total_wagered - total_paid_out,
					       (total_wagered - total_paid_out) / NULLIF(total_wagered, 0)
					FROM (SELECT game_type, COUNT(*) FILTER (WHERE transaction_type = 'bet') AS bet_count,
					             SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE 0 END) AS total_wagered,
					             SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE 0 END) AS total_paid_out
					      FROM gaming_transactions WHERE transaction_type IN ('bet', 'win') GROUP BY game_type) AS per_game""")).isZero();
		}
	}

	/** Plays in time order, keyed by member over all partitions; every tenth one a win. */
	private static void sendPlays(RunningLocalStack stack, int from) {
		String[] games = { "slot", "blackjack", "roulette", "poker" };
		for (int i = from; i < from + PER_RUN; i++) {
			long member = 1001 + i % 15;
			String type = i % 10 == 9 ? "win" : "bet";
			String time = EVENT_TIME.format(START.plusNanos(i * 150_000_000L));
			stack.send(String.valueOf(member), Events.play(1_000_000 + i, member, "Member " + member, type,
					(10 + i % 90) + "." + (i % 100 < 10 ? "0" : "") + (i % 100), games[i % 4], time));
		}
	}

	/** Rows in one relation and not the other, both ways. */
	private static long difference(RunningLocalStack stack, String relation, String reference) {
		return count(stack, "SELECT count(*) FROM ((TABLE " + relation + " EXCEPT ALL (" + reference + ")) UNION ALL (("
				+ reference + ") EXCEPT ALL TABLE " + relation + ")) AS diff");
	}

	private static long count(RunningLocalStack stack, String query) {
		return stack.sql().sql(query).query(Long.class).single();
	}

}
