package org.casinoloyalty.dashboard.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** {@code game_stats}, ranked as in the original's example query, and the members' totals. */
@Repository
public class AnalyticsRepository {

	private static final String GAME_STATS = """
			SELECT game_type, bet_count, total_wagered, total_paid_out, house_net, house_edge
			FROM game_stats
			ORDER BY house_edge DESC NULLS LAST, game_type""";

	/** One row whatever the roster: the engine counts, the dashboard does not read every member. */
	private static final String MEMBER_TOTALS = """
			SELECT count(*) AS members, COALESCE(sum(lifetime_transactions), 0) AS transactions
			FROM member_leaderboard""";

	private final JdbcClient jdbc;

	AnalyticsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<GameStats> gameStats() {
		return jdbc.sql(GAME_STATS).query(GameStats.class).list();
	}

	public MemberTotals memberTotals() {
		return jdbc.sql(MEMBER_TOTALS).query(MemberTotals.class).single();
	}

}
