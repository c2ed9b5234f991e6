package org.casinoloyalty.dashboard.sql;

import java.util.Locale;

/**
 * One statement the dashboard sends to the engine.
 *
 * @param name where it is declared, {@code Class.FIELD}, as logs, checks and tests name it
 * @param sql its text, with named parameters ({@code :since}) where RisingWave accepts bind parameters
 * @param searchOnly sent only with a {@link MemberSearch} that is not everyone: a paged query's {@code [...] found}
 *        variant ({@link PagedQuery#FOUND_MEMBERS})
 */
public record EngineStatement(String name, String sql, boolean searchOnly) {

	public EngineStatement(String name, String sql) {
		this(name, sql, false);
	}

	/** A read, which {@code make check} may run at any time; writes change state and are not run by checks. */
	public boolean isQuery() {
		String head = sql.stripLeading().toUpperCase(Locale.ROOT);
		return head.startsWith("SELECT") || head.startsWith("WITH");
	}

}
