package org.casinoloyalty.dashboard.offers;

/** @param qualifying members at or above the threshold, who earn the offer when the window closes */
public record OnTrackCount(long members, long qualifying) {
}
