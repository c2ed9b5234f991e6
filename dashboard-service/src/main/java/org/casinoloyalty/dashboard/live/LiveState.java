package org.casinoloyalty.dashboard.live;

import java.time.Instant;
import java.util.Optional;

/**
 * What a browser is sent after each refresh: the newest snapshot that could be read, the outage
 * if the latest read failed (the last good data stays on screen beneath the banner), and the news
 * that made this refresh happen, such as new offers ("3 new hotel offers, 15:00-15:05"), shown once.
 */
public record LiveState(Optional<LiveSnapshot> snapshot, Optional<Outage> outage, Optional<String> news) {

	public LiveState(Optional<LiveSnapshot> snapshot, Optional<Outage> outage) {
		this(snapshot, outage, Optional.empty());
	}

	LiveState withNews(String text) {
		return new LiveState(snapshot, outage, Optional.of(text));
	}

	/**
	 * @param since when the first failed read happened
	 * @param reason the engine's or driver's message
	 */
	public record Outage(Instant since, String reason) {
	}

	static final LiveState STARTING = new LiveState(Optional.empty(), Optional.empty());

}
