package org.casinoloyalty.dashboard.rules;

import jakarta.annotation.security.RolesAllowed;
import org.casinoloyalty.dashboard.audit.AuditAction;
import org.casinoloyalty.dashboard.audit.AuditTrail;
import org.casinoloyalty.dashboard.sql.UnconfirmedWriteException;
import org.casinoloyalty.dashboard.staff.CurrentStaff;
import org.casinoloyalty.dashboard.staff.StaffMember;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

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
	 * @throws UnconfirmedChangeException when the change was sent but the engine did not confirm it
	 */
	@RolesAllowed(StaffRole.MANAGER_ROLE)
	public void changeThreshold(OfferType type, BigDecimal threshold) {
		validate(threshold);
		StaffMember manager = currentStaff.get();
		String before = storedThreshold(type).map(BigDecimal::toPlainString).orElse(null);
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		String target = type.key() + " threshold";
		try {
			if (!repository.update(type, threshold, now)) {
				throw new IllegalStateException("offer_rules has no row for '" + type.key()
						+ "'; restart the schema initialiser (it seeds hotel 5000 and drink 1000)");
			}
		}
		catch (UnconfirmedWriteException ex) {
			Optional<BigDecimal> stored = readableThreshold(type);
			if (stored.isEmpty() || stored.get().compareTo(threshold) != 0) {
				trail.record(manager, AuditAction.THRESHOLD_CHANGE, target, before,
						threshold.toPlainString() + " (sent, not confirmed)");
				throw new UnconfirmedChangeException(type, threshold, stored, ex);
			}
		}
		trail.record(manager, AuditAction.THRESHOLD_CHANGE, target, before, threshold.toPlainString());
	}

	private Optional<BigDecimal> storedThreshold(OfferType type) {
		return repository.findAll().stream().filter(rule -> rule.type() == type).findFirst().map(OfferRule::threshold);
	}

	/** The stored threshold, or empty when the engine does not answer either. */
	private Optional<BigDecimal> readableThreshold(OfferType type) {
		try {
			return storedThreshold(type);
		}
		catch (DataAccessException ex) {
			return Optional.empty();
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

	/** The new threshold was sent and may have been applied; the message, for the user, says what is stored now. */
	public static class UnconfirmedChangeException extends RuntimeException {

		UnconfirmedChangeException(OfferType type, BigDecimal threshold, Optional<BigDecimal> stored,
				UnconfirmedWriteException cause) {
			super(type.names().shortName() + ": the threshold $" + threshold.toPlainString()
					+ " was sent and may have been applied, but the engine did not confirm it (" + cause.reason() + "). "
					+ stored.map(now -> "It reads $" + now.toPlainString() + " for now; look again in a moment before changing it again.")
						.orElse("The engine does not answer, so the threshold in force cannot be read; look again when it is back."),
					cause);
		}

	}

	/** A threshold the rules do not allow; the message is meant for the user. */
	public static class InvalidThresholdException extends IllegalArgumentException {

		InvalidThresholdException(String message) {
			super(message);
		}

	}

}
