package org.casinoloyalty.dashboard.offers;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Where event time stands in the engine, read from the data, never from a clock. RisingWave exposes
 * no watermark relation, so both are derived the same way in both modes:
 * {@code lastClosedWindowEnd} = max(window_end) of {@code member_daily_summary} (exact: the newest
 * window the engine has emitted on close), {@code current} = max(last_transaction) of
 * {@code member_window_live} minus the 10 s delay (approximate: heartbeats move the engine's
 * watermark but are not in any view, so while play is stopped this lags the engine by up to the
 * idle time). All times UTC; either may be null before the first event.
 */
public record Watermark(LocalDateTime lastClosedWindowEnd, LocalDateTime latestEvent) {

	public static final Duration DELAY = Duration.ofSeconds(10);

	public static final Duration WINDOW = Duration.ofMinutes(5);

	public static final Watermark NONE = new Watermark(null, null);

	public LocalDateTime current() {
		return latestEvent == null ? null : latestEvent.minus(DELAY);
	}

	/** Start of the window the watermark is in: the open interval whose progress is shown. */
	public LocalDateTime openWindowStart() {
		LocalDateTime current = current();
		if (current == null) {
			return null;
		}
		long seconds = current.toEpochSecond(java.time.ZoneOffset.UTC);
		long windowSeconds = WINDOW.toSeconds();
		return LocalDateTime.ofEpochSecond(Math.floorDiv(seconds, windowSeconds) * windowSeconds, 0,
				java.time.ZoneOffset.UTC);
	}

	/** When the open window closes: its end plus the delay, in event time. */
	public LocalDateTime nextCloseAt() {
		LocalDateTime open = openWindowStart();
		return open == null ? null : open.plus(WINDOW).plus(DELAY);
	}

}
