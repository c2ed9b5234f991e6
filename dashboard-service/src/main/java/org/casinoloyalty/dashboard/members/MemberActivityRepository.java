package org.casinoloyalty.dashboard.members;

import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.sql.PagedQuery;
import org.casinoloyalty.dashboard.sql.PagedQuery.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The all-time {@code member_leaderboard} and one window's rows of {@code member_window_live}, a page at a
 * time. A window counts as closed when it ends at or before the end of the newest window in
 * {@code member_daily_summary} (the emit-on-window-close view), which needs one scalar subquery instead of
 * a join per row.
 */
@Repository
class MemberActivityRepository {

	static final PagedQuery LEADERBOARD = new PagedQuery("""
			SELECT member_id, member_name, lifetime_spend, lifetime_winnings, lifetime_net, lifetime_transactions, last_seen
			FROM member_leaderboard
			WHERE %s""".formatted(MemberSearch.condition("")),
			Map.of("memberId", "member_id", "memberName", "member_name", "lifetimeSpend", "lifetime_spend",
					"lifetimeWinnings", "lifetime_winnings", "lifetimeNet", "lifetime_net", "lifetimeTransactions",
					"lifetime_transactions", "lastSeen", "last_seen"),
			new Sort("lifetimeSpend", true), "member_id");

	static final PagedQuery WINDOW = new PagedQuery("""
			SELECT l.member_id, l.member_name, l.total_spend, l.total_winnings, l.net_amount, l.transaction_count,
			       l.last_transaction, l.window_start, l.window_end,
			       COALESCE(l.window_end <= (SELECT max(window_end) FROM member_daily_summary), false) AS closed
			FROM member_window_live l
			%s
			WHERE l.window_start = :windowStart""".formatted(PagedQuery.FOUND_MEMBERS),
			Map.of("memberId", "l.member_id", "memberName", "l.member_name", "totalSpend", "l.total_spend",
					"totalWinnings", "l.total_winnings", "netAmount", "l.net_amount", "transactionCount",
					"l.transaction_count", "lastTransaction", "l.last_transaction"),
			new Sort("totalSpend", true), "l.member_id", "l");

	private final JdbcClient jdbc;

	MemberActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code sort} null: the default order, highest lifetime spend first. */
	List<LeaderboardEntry> leaderboard(MemberSearch search, Sort sort, int offset, int limit) {
		return jdbc.sql(LEADERBOARD.sql(sort, offset, limit)).params(search.parameters()).query(LeaderboardEntry.class).list();
	}

	/** The members who played in the window starting at {@code windowStart}; {@code sort} null: highest spend first. */
	List<MemberWindow> window(LocalDateTime windowStart, MemberSearch search, Sort sort, int offset, int limit) {
		return jdbc.sql(WINDOW.sql(search, sort, offset, limit))
			.params(search.parameters())
			.param("windowStart", windowStart)
			.query(MemberWindow.class)
			.list();
	}

}
