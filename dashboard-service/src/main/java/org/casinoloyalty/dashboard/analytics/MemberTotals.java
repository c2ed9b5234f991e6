package org.casinoloyalty.dashboard.analytics;

/** How many members have played, and how many transactions they made in all. */
public record MemberTotals(long members, long transactions) {
}
