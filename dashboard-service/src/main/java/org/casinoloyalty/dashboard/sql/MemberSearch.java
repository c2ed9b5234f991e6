package org.casinoloyalty.dashboard.sql;

import java.util.Map;

/**
 * What a person typed to find members: an exact member id, or part of a name in any case. Blank finds
 * everyone. The text is bound as parameters ({@link #parameters}), never written into a statement.
 */
public record MemberSearch(String text) {

	public static final MemberSearch EVERYONE = new MemberSearch("");

	/**
	 * The condition each paged statement over member rows includes, on the columns of {@code alias}, with
	 * {@code :search} and {@code :namePattern}. RisingWave has ILIKE ({@code i_like} in
	 * {@code src/expr/core/src/scalar/like.rs} at v2.8.5), whose default escape character is the backslash,
	 * as PostgreSQL's is; {@link #parameters} relies on it. {@code :search = ''} first: PostgreSQL plans an
	 * unnamed statement (the pool's {@code prepareThreshold=0}) with its values, so for everyone the
	 * condition folds to true and costs no row anything.
	 */
	public static String condition(String alias) {
		String prefix = alias.isEmpty() ? "" : alias + ".";
		return "(:search = '' OR CAST(" + prefix + "member_id AS VARCHAR) = :search OR " + prefix
				+ "member_name ILIKE :namePattern)";
	}

	public MemberSearch {
		text = text == null ? "" : text.strip();
	}

	public boolean everyone() {
		return text.isEmpty();
	}

	/** {@code :search}, the text, and {@code :namePattern}, {@code %text%} with the text's own pattern characters escaped. */
	public Map<String, Object> parameters() {
		return Map.of("search", text, "namePattern",
				"%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
	}

}
