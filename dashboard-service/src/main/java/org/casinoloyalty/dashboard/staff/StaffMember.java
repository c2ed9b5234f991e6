package org.casinoloyalty.dashboard.staff;

/** A signed-in person: recorded as {@code redeemed_by} and in the audit trail. */
public record StaffMember(String username, StaffRole role) {
}
