package org.casinoloyalty.dashboard.members;

import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.sql.PagedQuery.Sort;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.List;

/** The members' rows beyond the snapshot's first ones, read when a person scrolls, sorts or searches. */
@Service
public class MemberRows {

	private final MemberActivityRepository repository;

	MemberRows(MemberActivityRepository repository) {
		this.repository = repository;
	}

	/** {@code sort} null: highest lifetime spend first. */
	public List<LeaderboardEntry> leaderboard(MemberSearch search, Sort sort, int offset, int limit) {
		return repository.leaderboard(search, sort, offset, limit);
	}

	/** The members who played in the window starting at {@code windowStart}; {@code sort} null: highest spend first. */
	public List<MemberWindow> window(LocalDateTime windowStart, MemberSearch search, Sort sort, int offset, int limit) {
		return repository.window(windowStart, search, sort, offset, limit);
	}

}
