package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.redemption.OfferToRedeem;
import org.casinoloyalty.dashboard.rules.OfferType;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A row of {@code hotel_room_offers} or {@code drink_offers}: a member who met the rule in one closed
 * window. {@code qualifyingAmount} is the spend (hotel) or the loss (drink).
 */
public record Offer(OfferType type, long memberId, String memberName, BigDecimal totalSpend, BigDecimal netAmount,
		BigDecimal qualifyingAmount, long transactionCount, LocalDateTime lastTransaction, LocalDateTime windowStart,
		LocalDateTime windowEnd) {

	public OfferToRedeem toRedeem() {
		return new OfferToRedeem(memberId, memberName, type, windowStart, windowEnd);
	}

}
