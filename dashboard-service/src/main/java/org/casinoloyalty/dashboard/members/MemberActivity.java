package org.casinoloyalty.dashboard.members;

import java.util.List;

/**
 * @param windows per-window activity since the history start, newest first
 * @param leaderboard all-time totals, highest spend first
 */
public record MemberActivity(List<MemberWindow> windows, List<LeaderboardEntry> leaderboard) {

	public MemberActivity {
		windows = List.copyOf(windows);
		leaderboard = List.copyOf(leaderboard);
	}

}
