package org.casinoloyalty.dashboard.members;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/**
 * RFC 4180 CSV of the rows a grid shows. Timestamps are written as ISO-8601 UTC without an offset,
 * amounts as plain decimals, so spreadsheets read them as numbers.
 */
public final class MemberCsv {

	private MemberCsv() {
	}

	public static void writeLeaderboard(List<LeaderboardEntry> rows, Writer out) {
		write(out, List.of("member_id", "member_name", "lifetime_spend", "lifetime_winnings", "lifetime_net",
				"lifetime_transactions", "last_seen"), rows,
				row -> List.of(row.memberId(), row.memberName(), row.lifetimeSpend(), row.lifetimeWinnings(),
						row.lifetimeNet(), row.lifetimeTransactions(), nullable(row.lastSeen())));
	}

	public static void writeWindows(List<MemberWindow> rows, Writer out) {
		write(out, List.of("member_id", "member_name", "window_start", "window_end", "window_state", "total_spend",
				"total_winnings", "net_amount", "transaction_count", "last_transaction"), rows,
				row -> List.of(row.memberId(), row.memberName(), row.windowStart(), row.windowEnd(),
						row.closed() ? "closed" : "open", row.totalSpend(), row.totalWinnings(), row.netAmount(),
						row.transactionCount(), nullable(row.lastTransaction())));
	}

	private static Object nullable(Object value) {
		return value == null ? "" : value;
	}

	private static <T> void write(Writer out, List<String> header, List<T> rows, Function<T, List<?>> cells) {
		try {
			out.write(String.join(",", header));
			out.write("\r\n");
			for (T row : rows) {
				List<?> values = cells.apply(row);
				for (int i = 0; i < values.size(); i++) {
					if (i > 0) {
						out.write(',');
					}
					out.write(escape(String.valueOf(values.get(i))));
				}
				out.write("\r\n");
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String escape(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

}
