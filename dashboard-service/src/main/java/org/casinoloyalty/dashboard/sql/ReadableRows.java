package org.casinoloyalty.dashboard.sql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads every row a mapper can read and skips the others with a warning: a row written by hand into
 * the engine (an unknown {@code offer_type}, a NULL where a value must be) must not fail the shared
 * refresh and freeze every open dashboard. Each kind of bad row is logged once, not at every refresh.
 */
public final class ReadableRows {

	private static final Logger log = LoggerFactory.getLogger(ReadableRows.class);

	private static final int MAX_REMEMBERED = 1_000;

	private static final Set<String> logged = ConcurrentHashMap.newKeySet();

	private ReadableRows() {
	}

	/** {@code mapper}, answering null for a row it cannot read; {@link #of(List)} drops those. */
	public static <T> RowMapper<T> skipping(String relation, RowMapper<T> mapper) {
		return (rs, row) -> {
			try {
				return mapper.mapRow(rs, row);
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				String warning = relation + ": " + ex.getMessage();
				if (logged.size() < MAX_REMEMBERED && logged.add(warning)) {
					log.warn("Skipped a row of {} that cannot be read ({}); the dashboards show the others", relation,
							ex.getMessage());
				}
				return null;
			}
		};
	}

	public static <T> List<T> of(List<T> rows) {
		return rows.stream().filter(Objects::nonNull).toList();
	}

}
