package org.casinoloyalty.dashboard.rules;

import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Changes the thresholds shared by every dashboard and by the offer views themselves
 * ({@code hotel_room_offers} and {@code drink_offers} read {@code offer_rules}).
 */
@Service
public class OfferRuleService {

	public static final BigDecimal MINIMUM = BigDecimal.ONE;

	public static final BigDecimal MAXIMUM = new BigDecimal("10000000");

	private final OfferRuleRepository repository;

	private final Clock clock;

	OfferRuleService(OfferRuleRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * @throws InvalidThresholdException when the amount is missing, out of range or has more than two decimals
	 * @throws IllegalStateException when the rule row is missing (the schema seeds both rules)
	 */
	public void changeThreshold(OfferType type, BigDecimal threshold) {
		validate(threshold);
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		if (!repository.update(type, threshold, now)) {
			throw new IllegalStateException("offer_rules has no row for '" + type.key()
					+ "'; restart the schema initialiser (it seeds hotel 5000 and drink 1000)");
		}
	}

	public static void validate(BigDecimal threshold) {
		if (threshold == null) {
			throw new InvalidThresholdException("Enter an amount in dollars");
		}
		if (threshold.compareTo(MINIMUM) < 0 || threshold.compareTo(MAXIMUM) > 0) {
			throw new InvalidThresholdException("Enter an amount between $1 and $10,000,000");
		}
		if (threshold.stripTrailingZeros().scale() > 2) {
			throw new InvalidThresholdException("Use at most two decimals (cents)");
		}
	}

	/** A threshold the rules do not allow; the message is meant for the user. */
	public static class InvalidThresholdException extends IllegalArgumentException {

		InvalidThresholdException(String message) {
			super(message);
		}

	}

}
