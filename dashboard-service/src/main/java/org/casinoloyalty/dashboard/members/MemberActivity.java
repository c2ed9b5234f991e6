package org.casinoloyalty.dashboard.members;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the members tab shows before anyone scrolls, sorts or searches: the first rows of each grid.
 *
 * @param leaderboard the highest lifetime spenders, at most {@code PagedQuery.FIRST_ROWS}
 * @param openWindow start of the window the watermark is in, null before the first event
 * @param openWindowMembers its highest spenders so far, at most {@code PagedQuery.FIRST_ROWS}
 */
public record MemberActivity(List<LeaderboardEntry> leaderboard, LocalDateTime openWindow,
		List<MemberWindow> openWindowMembers) {

	public MemberActivity {
		leaderboard = List.copyOf(leaderboard);
		openWindowMembers = List.copyOf(openWindowMembers);
	}

}
