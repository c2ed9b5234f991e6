package org.casinoloyalty.dashboard.offers;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A member's spend (hotel) or loss (drink) so far in the open window. */
public record OnTrackMember(long memberId, String memberName, BigDecimal amount, long transactionCount,
		LocalDateTime lastTransaction) {
}
