package org.casinoloyalty.dashboard.live;

import org.casinoloyalty.dashboard.sql.Engine;

import java.time.Instant;
import java.util.Map;

/**
 * Everything the tabs show, read once per refresh and shared (immutable) by all open browsers: the
 * engine, the watermark, and each feature's part, which its views take with {@link #part}.
 *
 * @param readAt server time of the read, for "updated at"
 */
public record LiveSnapshot(Instant readAt, Engine engine, Watermark watermark, Map<Class<?>, Object> parts) {

	public LiveSnapshot {
		parts = Map.copyOf(parts);
	}

	public <T> T part(Class<? extends LiveQuery<T>> query) {
		@SuppressWarnings("unchecked")
		T part = (T) parts.get(query);
		if (part == null) {
			throw new IllegalStateException(query.getSimpleName() + " is not a registered live query");
		}
		return part;
	}

}
