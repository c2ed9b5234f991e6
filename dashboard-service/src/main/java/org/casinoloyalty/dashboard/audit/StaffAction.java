package org.casinoloyalty.dashboard.audit;

import java.time.LocalDateTime;

/**
 * One row of {@code staff_actions}: who did what to which offer or rule, and when (UTC).
 * @param staffRole the role at the time, {@code null} for a failed sign-in (nobody was signed in)
 * @param target the offer ({@code hotel · member 1001 · window 2026-12-02 10:00}) or rule acted on
 * @param valueBefore what the target was before, {@code null} where nothing was there
 * @param valueAfter what it became, or why it was refused
 */
public record StaffAction(LocalDateTime actedAt, String staffUser, String staffRole, AuditAction action,
		String target, String valueBefore, String valueAfter) {
}
