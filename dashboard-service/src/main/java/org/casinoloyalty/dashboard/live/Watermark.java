package org.casinoloyalty.dashboard.live;

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

	public LocalDateTime current() {
		return latestEvent == null ? null : latestEvent.minus(DELAY);
	}

	/**
	 * Start of the window of the latest event: the interval members are playing in now, whose progress
	 * is shown. (For the first 10 s of a window the one before it is not closed yet either.)
	 */
	public LocalDateTime openWindowStart() {
		return latestEvent == null ? null : windowStart(latestEvent);
	}

	/** End of the next window to close: the one the watermark is in; it closes when the watermark reaches it. */
	public LocalDateTime closingWindowEnd() {
		LocalDateTime current = current();
		return current == null ? null : windowStart(current).plus(WINDOW);
	}

	private static LocalDateTime windowStart(LocalDateTime time) {
		long seconds = time.toEpochSecond(java.time.ZoneOffset.UTC);
		long windowSeconds = WINDOW.toSeconds();
		return LocalDateTime.ofEpochSecond(Math.floorDiv(seconds, windowSeconds) * windowSeconds, 0,
				java.time.ZoneOffset.UTC);
	}

	/** When the open window closes: the first event at or after its end plus the delay (event time). */
	public LocalDateTime nextCloseAt() {
		LocalDateTime open = openWindowStart();
		return open == null ? null : open.plus(WINDOW).plus(DELAY);
	}

}
