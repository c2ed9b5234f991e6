package org.casinoloyalty.dashboard.members;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * Per-window member activity. Rows come from {@code member_window_live} (every window, the open one
 * included); a row is closed when the same window is in {@code member_daily_summary}, the
 * emit-on-window-close view.
 */
@Repository
public class MemberActivityRepository {

	private static final String RECENT_WINDOWS = """
			SELECT l.member_id, l.member_name, l.total_spend, l.total_winnings, l.net_amount, l.transaction_count,
			       l.last_transaction, l.window_start, l.window_end,
			       EXISTS (SELECT 1 FROM member_daily_summary d
			               WHERE d.member_id = l.member_id AND d.window_start = l.window_start) AS closed
			FROM member_window_live l
			ORDER BY l.window_start DESC, l.total_spend DESC
			LIMIT :limit""";

	private final JdbcClient jdbc;

	public MemberActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<MemberWindow> recentWindows(int limit) {
		return jdbc.sql(RECENT_WINDOWS).param("limit", limit).query(MemberWindow.class).list();
	}

}
