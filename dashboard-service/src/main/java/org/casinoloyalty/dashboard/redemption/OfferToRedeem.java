package org.casinoloyalty.dashboard.redemption;

import org.casinoloyalty.dashboard.rules.OfferType;

import java.time.LocalDateTime;

/** The offer a host marks as redeemed: which member, which offer, earned in which window. */
public record OfferToRedeem(long memberId, String memberName, OfferType offerType, LocalDateTime windowStart,
		LocalDateTime windowEnd) {
}
