package org.casinoloyalty.dashboard.offers;

import java.time.LocalDateTime;

/** One closed window's offers: all of them, those redeemed, and those still awaiting redemption. */
public record WindowCount(LocalDateTime windowStart, LocalDateTime windowEnd, long offers, long redeemed,
		long pending) {
}
