package org.casinoloyalty.dashboard.rules;

import jakarta.annotation.security.RolesAllowed;
import org.casinoloyalty.dashboard.audit.AuditAction;
import org.casinoloyalty.dashboard.audit.AuditTrail;
import org.casinoloyalty.dashboard.staff.CurrentStaff;
import org.casinoloyalty.dashboard.staff.StaffMember;
import org.casinoloyalty.dashboard.staff.StaffRole;
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

	private final CurrentStaff currentStaff;

	private final AuditTrail trail;

	OfferRuleService(OfferRuleRepository repository, Clock clock, CurrentStaff currentStaff, AuditTrail trail) {
		this.repository = repository;
		this.clock = clock;
		this.currentStaff = currentStaff;
		this.trail = trail;
	}

	/**
	 * Managers only, checked here and not only by hiding the editor; the change is written to the
	 * audit trail with the threshold it replaced.
	 * @throws org.springframework.security.authorization.AuthorizationDeniedException when the caller is no manager
	 * @throws InvalidThresholdException when the amount is missing, out of range or has more than two decimals
	 * @throws IllegalStateException when the rule row is missing (the schema seeds both rules)
	 */
	@RolesAllowed(StaffRole.MANAGER_ROLE)
	public void changeThreshold(OfferType type, BigDecimal threshold) {
		validate(threshold);
		StaffMember manager = currentStaff.get();
		String before = repository.findAll()
			.stream()
			.filter(rule -> rule.type() == type)
			.findFirst()
			.map(rule -> rule.threshold().toPlainString())
			.orElse(null);
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		if (!repository.update(type, threshold, now)) {
			throw new IllegalStateException("offer_rules has no row for '" + type.key()
					+ "'; restart the schema initialiser (it seeds hotel 5000 and drink 1000)");
		}
		trail.record(manager, AuditAction.THRESHOLD_CHANGE, type.key() + " threshold", before,
				threshold.toPlainString());
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
