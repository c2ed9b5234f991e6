package org.casinoloyalty.dashboard.members;

import org.casinoloyalty.dashboard.live.LiveQuery;
import org.casinoloyalty.dashboard.live.LiveRead;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.sql.PagedQuery;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.List;

/** The members part of every refresh: the first rows of the leaderboard and of the open window. */
@Component
public record MembersLiveQuery(MemberActivityRepository repository) implements LiveQuery<MemberActivity> {

	@Override
	public MemberActivity read(LiveRead read) {
		LocalDateTime open = read.watermark().openWindowStart();
		return new MemberActivity(repository.leaderboard(MemberSearch.EVERYONE, null, 0, PagedQuery.FIRST_ROWS), open,
				open == null ? List.of()
						: repository.window(open, MemberSearch.EVERYONE, null, 0, PagedQuery.FIRST_ROWS));
	}

}
