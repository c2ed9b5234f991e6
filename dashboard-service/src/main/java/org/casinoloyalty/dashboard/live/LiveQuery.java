package org.casinoloyalty.dashboard.live;

/**
 * A feature's part of the shared refresh: a Spring bean that the poller finds by this type and runs
 * once per refresh, whatever the number of open browsers. A part may build on other parts
 * ({@link LiveRead#part}); each part is read once per refresh. Adding a tab adds a bean here, in
 * the feature's package, and nothing elsewhere.
 *
 * @param <T> what the part holds; immutable, since every browser shares it
 */
public interface LiveQuery<T> {

	T read(LiveRead read);

}
