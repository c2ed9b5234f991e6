package org.casinoloyalty.dashboard.rules;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One row of {@code offer_rules}: the amount a member must spend (hotel) or lose (drink) in one
 * window. {@code updatedAt} (UTC) is null while the seeded default applies.
 */
public record OfferRule(OfferType type, BigDecimal threshold, LocalDateTime updatedAt) {
}
