package org.casinoloyalty.dashboard.live;

import java.time.Instant;
import java.util.Optional;

/**
 * What a browser is sent after each refresh: the newest snapshot that could be read, and the outage
 * if the latest read failed (the last good data stays on screen beneath the banner).
 */
public record LiveState(Optional<LiveSnapshot> snapshot, Optional<Outage> outage) {

	/**
	 * @param since when the first failed read happened
	 * @param reason the engine's or driver's message
	 */
	public record Outage(Instant since, String reason) {
	}

	static final LiveState STARTING = new LiveState(Optional.empty(), Optional.empty());

}
