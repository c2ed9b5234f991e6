package org.casinoloyalty.dashboard.members;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Per-window activity from {@code member_window_live} (every window, the open one included) and the
 * all-time {@code member_leaderboard}. A window counts as closed when it ends at or before the end
 * of the newest window in {@code member_daily_summary} (the emit-on-window-close view), which needs
 * one scalar subquery instead of a join per row.
 *
 * <p>The row limit is a literal, not a bind parameter: RisingWave folds LIMIT to a constant while
 * binding, before parameters are known, and rejects {@code LIMIT $1} (docs/sql-verification.md, rule R1).
 */
@Repository
public class MemberActivityRepository {

	private static final String RECENT_WINDOWS = """
			SELECT l.member_id, l.member_name, l.total_spend, l.total_winnings, l.net_amount, l.transaction_count,
			       l.last_transaction, l.window_start, l.window_end,
			       COALESCE(l.window_end <= (SELECT max(window_end) FROM member_daily_summary), false) AS closed
			FROM member_window_live l
			WHERE l.window_start >= :since
			ORDER BY l.window_start DESC, l.total_spend DESC, l.member_id
			LIMIT 500""";

	private static final String LEADERBOARD = """
			SELECT member_id, member_name, lifetime_spend, lifetime_winnings, lifetime_net, lifetime_transactions, last_seen
			FROM member_leaderboard
			ORDER BY lifetime_spend DESC, member_id""";

	private final JdbcClient jdbc;

	MemberActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Windows starting at or after {@code since}, newest first, at most 500 rows (2 h of 5-minute windows for 20 members). */
	public List<MemberWindow> recentWindows(LocalDateTime since) {
		return jdbc.sql(RECENT_WINDOWS).param("since", since).query(MemberWindow.class).list();
	}

	public List<LeaderboardEntry> leaderboard() {
		return jdbc.sql(LEADERBOARD).query(LeaderboardEntry.class).list();
	}

}
