package org.casinoloyalty.dashboard.live;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One refresh in progress: the watermark read first, the history start derived from it, and the
 * parts read so far. History is bounded in event time (before the watermark), not by the server
 * clock, so a replay of old events shows the same picture.
 */
public final class LiveRead {

	private final Watermark watermark;

	private final LocalDateTime since;

	private final Map<Class<?>, LiveQuery<?>> queries;

	private final Map<Class<?>, Object> parts = new HashMap<>();

	private final Set<Class<?>> reading = new HashSet<>();

	LiveRead(Watermark watermark, Duration history, Map<Class<?>, LiveQuery<?>> queries) {
		this.watermark = watermark;
		this.since = historyStart(watermark, history);
		this.queries = queries;
	}

	/** {@code history} before the watermark; everything while no event has arrived yet. */
	private static LocalDateTime historyStart(Watermark watermark, Duration history) {
		LocalDateTime current = watermark.current();
		return current == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : current.minus(history);
	}

	public Watermark watermark() {
		return watermark;
	}

	/** Offers, windows and the like are shown from here on (event time). */
	public LocalDateTime since() {
		return since;
	}

	/** The part of {@code query}, read now unless this refresh read it already. */
	public <T> T part(Class<? extends LiveQuery<T>> query) {
		@SuppressWarnings("unchecked")
		T done = (T) parts.get(query);
		if (done != null) {
			return done;
		}
		@SuppressWarnings("unchecked")
		LiveQuery<T> registered = (LiveQuery<T>) queries.get(query);
		if (registered == null) {
			throw new IllegalStateException(query.getSimpleName() + " is not a registered live query");
		}
		if (!reading.add(query)) {
			throw new IllegalStateException(query.getSimpleName() + " needs its own part: the live queries form a cycle");
		}
		T read = registered.read(this);
		parts.put(query, read);
		return read;
	}

	Map<Class<?>, Object> parts() {
		return parts;
	}

}
