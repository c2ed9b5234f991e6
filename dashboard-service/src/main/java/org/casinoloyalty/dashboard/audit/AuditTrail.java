package org.casinoloyalty.dashboard.audit;

import jakarta.annotation.security.RolesAllowed;
import org.casinoloyalty.dashboard.staff.StaffMember;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.casinoloyalty.dashboard.sql.UnconfirmedWriteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The staff's actions, written to {@code staff_actions} as they happen. A row that cannot be written
 * (the engine is down) is logged in full instead, so the action is never lost from the record; the
 * action itself has already happened or failed on its own.
 */
@Service
public class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	/** Sign-in names come from the sign-in form; anything longer is cut, not refused. */
	static final int MAX_TEXT = 200;

	private final StaffActionRepository repository;

	private final Clock clock;

	AuditTrail(StaffActionRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** What a signed-in person did. */
	public void record(StaffMember by, AuditAction action, String target, String valueBefore, String valueAfter) {
		write(new StaffAction(now(), by.username(), by.role().name(), action, cut(target), cut(valueBefore),
				cut(valueAfter)));
	}

	/** A sign-in through the form, with the role it gave. */
	void recordSignIn(StaffMember who, String from) {
		write(new StaffAction(now(), cut(who.username()), who.role().name(), AuditAction.SIGN_IN, "dashboard", null, cut(from)));
	}

	/** A refused attempt has no role: the name is only what was typed. */
	void recordRefusedSignIn(String typedName, String fromAndWhy) {
		write(new StaffAction(now(), cut(typedName == null ? "" : typedName), null, AuditAction.SIGN_IN_FAILURE, "dashboard", null,
				cut(fromAndWhy)));
	}

	private void write(StaffAction row) {
		try {
			repository.insert(row);
		}
		catch (DataAccessException ex) {
			log.error("Audit row not written ({}); recorded here instead: {}", ex.getMostSpecificCause().getMessage(),
					row);
		}
		catch (UnconfirmedWriteException ex) {
			log.error("Audit row sent but not confirmed ({}); recorded here too: {}", ex.reason(), row);
		}
	}

	/** The actions of the last {@code days} days, newest first, at most {@value StaffActionRepository#MAX_ROWS}. */
	@RolesAllowed(StaffRole.MANAGER_ROLE)
	public List<StaffAction> recent(int days) {
		return repository.since(now().minusDays(days));
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	private static String cut(String text) {
		return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
	}

}
