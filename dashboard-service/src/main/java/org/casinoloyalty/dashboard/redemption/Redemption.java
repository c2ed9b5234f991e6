package org.casinoloyalty.dashboard.redemption;

import org.casinoloyalty.dashboard.rules.OfferType;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One row of {@code redeemed_offers}. The key (member, offer type, business date) allows one
 * redemption per member, type and day; {@code redeemedAt} is UTC with microsecond precision.
 */
public record Redemption(long memberId, String memberName, OfferType offerType, LocalDate redemptionDate,
		LocalDateTime windowStart, LocalDateTime windowEnd, LocalDateTime redeemedAt, String redeemedBy) {

	/** Whether this row is the one a given insert attempt wrote (same instant and staff member). */
	boolean sameAttemptAs(Redemption other) {
		return redeemedAt.equals(other.redeemedAt) && redeemedBy.equals(other.redeemedBy);
	}

}
