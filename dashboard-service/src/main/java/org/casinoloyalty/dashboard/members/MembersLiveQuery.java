package org.casinoloyalty.dashboard.members;

import org.casinoloyalty.dashboard.live.LiveQuery;
import org.casinoloyalty.dashboard.live.LiveRead;
import org.springframework.stereotype.Component;

/** The members part of every refresh: recent windows (the open one included) and the leaderboard. */
@Component
public record MembersLiveQuery(MemberActivityRepository repository) implements LiveQuery<MemberActivity> {

	@Override
	public MemberActivity read(LiveRead read) {
		return new MemberActivity(repository.recentWindows(read.since()), repository.leaderboard());
	}

}
