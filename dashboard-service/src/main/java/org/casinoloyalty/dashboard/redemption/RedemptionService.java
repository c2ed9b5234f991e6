package org.casinoloyalty.dashboard.redemption;

import jakarta.annotation.security.RolesAllowed;
import org.casinoloyalty.dashboard.audit.AuditAction;
import org.casinoloyalty.dashboard.audit.AuditTrail;
import org.casinoloyalty.dashboard.sql.UnconfirmedWriteException;
import org.casinoloyalty.dashboard.staff.CurrentStaff;
import org.casinoloyalty.dashboard.staff.StaffMember;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One offer per member, offer type and business day, decided by the database: the first insert of
 * the key wins and every click reads the row back to learn whether it was that first insert. This
 * needs no transaction (RisingWave has no read-write transactions) and no check-then-insert (which
 * races between dashboards).
 */
@Service
public class RedemptionService {

	private static final Logger log = LoggerFactory.getLogger(RedemptionService.class);

	private final RedemptionRepository repository;

	private final RedemptionProperties properties;

	private final Clock clock;

	/** Last {@code redeemed_at} handed out, in epoch microseconds: each click gets a distinct instant. */
	private final AtomicLong lastMicros = new AtomicLong();

	private final CurrentStaff currentStaff;

	private final AuditTrail trail;

	RedemptionService(RedemptionRepository repository, RedemptionProperties properties, Clock clock,
			CurrentStaff currentStaff, AuditTrail trail) {
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
		this.currentStaff = currentStaff;
		this.trail = trail;
	}

	/** Redeems for the signed-in person, who is {@code redeemed_by} and is named in the audit trail. */
	@RolesAllowed(StaffRole.HOST_ROLE)
	public RedemptionOutcome redeem(OfferToRedeem offer) {
		StaffMember staff = currentStaff.get();
		String redeemedBy = staff.username();
		Redemption attempt = new Redemption(offer.memberId(), offer.memberName(), offer.offerType(), businessDate(),
				offer.windowStart(), offer.windowEnd(), uniqueNow(), redeemedBy);
		UnconfirmedWriteException unconfirmed = null;
		try {
			repository.insertIfAbsent(attempt);
		}
		catch (UnconfirmedWriteException ex) {
			// The insert went through and may have won; the read-back below tells, if it can see it yet.
			log.warn("Redemption of {} {} for member {} by {} sent but not confirmed: {}", offer.offerType().key(),
					offer.windowStart(), offer.memberId(), redeemedBy, ex.reason());
			unconfirmed = ex;
		}
		catch (DataAccessException ex) {
			logFailure(offer, redeemedBy, ex);
			return new RedemptionOutcome.Failed("Could not record the redemption of " + offer.memberName() + " ("
					+ offer.memberId() + "): the database is unreachable (" + ex.getMostSpecificCause().getMessage()
					+ "). Nothing was redeemed; try again when the connection is back.");
		}
		UnconfirmedWriteException sentUnconfirmed = unconfirmed;
		RedemptionOutcome outcome;
		try {
			outcome = repository.find(attempt.memberId(), attempt.offerType(), attempt.redemptionDate())
				.<RedemptionOutcome>map(stored -> stored.sameAttemptAs(attempt) ? new RedemptionOutcome.Won(stored)
						: new RedemptionOutcome.AlreadyRedeemed(stored))
				.orElseGet(() -> sentUnconfirmed == null ? new RedemptionOutcome.Failed("The redemption of " + offer.memberName()
						+ " was sent but is not in redeemed_offers: the engine dropped it. Try again.")
						: new RedemptionOutcome.Failed(mayHaveBeenRecorded(offer, sentUnconfirmed)));
		}
		catch (DataAccessException ex) {
			// The insert went through, so it may have won: saying "nothing was redeemed" could be false.
			logFailure(offer, redeemedBy, ex);
			return new RedemptionOutcome.Failed("The redemption of " + offer.memberName() + " (" + offer.memberId()
					+ ") was sent, but the database became unreachable before it could be confirmed ("
					+ ex.getMostSpecificCause().getMessage() + "). Check Fulfillment when the connection is back.");
		}
		if (sentUnconfirmed != null && outcome instanceof RedemptionOutcome.Failed) {
			// it may have taken: the trail must not miss a redemption that happened
			trail.record(staff, AuditAction.REDEEM, target(offer), "awaiting redemption",
					"redeemed on " + attempt.redemptionDate() + " (sent, not confirmed)");
		}
		else {
			audit(staff, offer, outcome);
		}
		return outcome;
	}

	private static String target(OfferToRedeem offer) {
		return offer.offerType().key() + " · member " + offer.memberId() + " (" + offer.memberName() + ") · window "
				+ offer.windowStart();
	}

	private static String mayHaveBeenRecorded(OfferToRedeem offer, UnconfirmedWriteException unconfirmed) {
		return "The redemption of " + offer.memberName() + " (" + offer.memberId() + ") was sent and may have been"
				+ " recorded, but the engine did not confirm it (" + unconfirmed.reason() + ") and does not show it yet."
				+ " Look in Fulfillment in a moment; trying again is safe, it cannot redeem the offer twice.";
	}

	private void audit(StaffMember staff, OfferToRedeem offer, RedemptionOutcome outcome) {
		String target = target(offer);
		switch (outcome) {
			case RedemptionOutcome.Won won -> trail.record(staff, AuditAction.REDEEM, target, "awaiting redemption",
					"redeemed on " + won.redemption().redemptionDate());
			case RedemptionOutcome.AlreadyRedeemed already -> trail.record(staff, AuditAction.REDEEM_REFUSED, target,
					"redeemed by " + already.existing().redeemedBy() + " at " + already.existing().redeemedAt(),
					"refused: one per customer per day");
			case RedemptionOutcome.Failed failed -> {
				// Nothing was decided: the failure is in the log, and the person saw it on screen.
			}
		}
	}

	private static void logFailure(OfferToRedeem offer, String redeemedBy, DataAccessException ex) {
		log.warn("Redemption of {} {} for member {} by {} failed: {}", offer.offerType().key(), offer.windowStart(),
				offer.memberId(), redeemedBy, ex.getMostSpecificCause().getMessage());
	}

	/** Redemptions of the last {@code historyDays} business days, newest first. */
	public List<Redemption> recent() {
		return repository.since(businessDate().minusDays(properties.historyDays() - 1L));
	}

	public LocalDate businessDate() {
		return LocalDate.ofInstant(clock.instant(), properties.businessZone());
	}

	/**
	 * The current UTC time at microsecond precision (what TIMESTAMP stores), strictly increasing within
	 * this process, so two clicks by the same person never write the same {@code redeemed_at}.
	 */
	private LocalDateTime uniqueNow() {
		long now = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, clock.instant());
		long micros = lastMicros.updateAndGet(last -> Math.max(last + 1, now));
		return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
				(int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
	}

}
