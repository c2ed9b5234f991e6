package org.casinoloyalty.localstack.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * What one batch adds to one aggregate row: a member's window, a game or a member's lifetime. The
 * database adds these deltas to the stored row (sums and counts add, the latest time wins).
 */
final class Totals {

	private BigDecimal spend = BigDecimal.ZERO;
	private BigDecimal winnings = BigDecimal.ZERO;
	private long bets;
	private long transactions;
	private LocalDateTime last;

	void add(Transaction transaction) {
		if (transaction.isBet()) {
			spend = spend.add(transaction.amount());
			bets++;
		}
		else {
			winnings = winnings.add(transaction.amount());
		}
		transactions++;
		if (last == null || transaction.time().isAfter(last)) {
			last = transaction.time();
		}
	}

	BigDecimal spend() {
		return spend;
	}

	BigDecimal winnings() {
		return winnings;
	}

	long bets() {
		return bets;
	}

	long transactions() {
		return transactions;
	}

	LocalDateTime last() {
		return last;
	}

}
