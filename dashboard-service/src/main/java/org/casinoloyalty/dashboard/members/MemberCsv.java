package org.casinoloyalty.dashboard.members;

import org.casinoloyalty.dashboard.csv.CsvTable;

import java.util.Arrays;
import java.util.List;

/**
 * The members' grids as CSV ({@link CsvTable}). Timestamps are written as ISO-8601 UTC without an
 * offset, amounts as plain decimals, so spreadsheets read them as numbers; a missing value is empty.
 */
public final class MemberCsv {

	public static final CsvTable.Format<LeaderboardEntry> LEADERBOARD = new CsvTable.Format<>(List.of("member_id",
			"member_name", "lifetime_spend", "lifetime_winnings", "lifetime_net", "lifetime_transactions", "last_seen"),
			row -> Arrays.asList(row.memberId(), row.memberName(), row.lifetimeSpend(), row.lifetimeWinnings(),
					row.lifetimeNet(), row.lifetimeTransactions(), row.lastSeen()));

	public static final CsvTable.Format<MemberWindow> WINDOWS = new CsvTable.Format<>(List.of("member_id", "member_name",
			"window_start", "window_end", "window_state", "total_spend", "total_winnings", "net_amount",
			"transaction_count", "last_transaction"),
			row -> Arrays.asList(row.memberId(), row.memberName(), row.windowStart(), row.windowEnd(),
					row.closed() ? "closed" : "open", row.totalSpend(), row.totalWinnings(), row.netAmount(),
					row.transactionCount(), row.lastTransaction()));

	private MemberCsv() {
	}

}
