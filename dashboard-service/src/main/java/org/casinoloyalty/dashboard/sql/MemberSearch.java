package org.casinoloyalty.dashboard.sql;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a person typed to find members: digits are an exact member id, anything else part of a name in any
 * case. Blank finds everyone. The text is bound as parameters ({@link #parameters}), never written into a
 * statement.
 */
public record MemberSearch(String text) {

	public static final MemberSearch EVERYONE = new MemberSearch("");

	/** Digits that fit a BIGINT; longer ones are no id, so they search names and find nobody. */
	private static final Pattern MEMBER_ID = Pattern.compile("\\d{1,18}");

	/**
	 * The condition of a search on the columns of {@code alias}, with
	 * {@code :searchKind}, {@code :searchId} and {@code :namePattern}. PostgreSQL plans an unnamed statement
	 * (the pool's {@code prepareThreshold=0}) with its values, so the kind folds the condition to what the
	 * search needs: true for everyone, costing no row anything; {@code member_id = :searchId} for an id,
	 * which the member-id keys serve; the name test for a name. RisingWave has ILIKE ({@code i_like} in
	 * {@code src/expr/core/src/scalar/like.rs} at v2.8.5), whose default escape character is the backslash,
	 * as PostgreSQL's is; {@link #parameters} relies on it.
	 */
	public static String condition(String alias) {
		String prefix = alias.isEmpty() ? "" : alias + ".";
		return "(:searchKind = '' OR (:searchKind = 'id' AND " + prefix + "member_id = :searchId) OR (:searchKind = 'name' AND "
				+ prefix + "member_name ILIKE :namePattern))";
	}

	/**
	 * For a search over windows of member rows: a join of the rows of {@code alias} with the members found in
	 * {@code member_leaderboard}, one row per member and name (its GROUP BY), so it adds no row and drops the
	 * members not found. The engine finds the few members once (local-stack keeps trigrams of the names), then
	 * their rows by the member key, instead of testing the name on each of a window's 20,000 rows. A blank
	 * search would join everyone, so a grid leaves the join out for everyone ({@link PagedQuery#FOUND_MEMBERS}).
	 */
	public static String foundMembersJoin(String alias) {
		return "JOIN member_leaderboard found ON found.member_id = " + alias + ".member_id AND found.member_name = "
				+ alias + ".member_name AND " + condition("found");
	}

	public MemberSearch {
		text = text == null ? "" : text.strip();
	}

	public boolean everyone() {
		return text.isEmpty();
	}

	/**
	 * {@code :searchKind}, {@code ''}, {@code 'id'} or {@code 'name'}; {@code :searchId}, the id (0 unless an id);
	 * {@code :namePattern}, {@code %text%} with the text's own pattern characters escaped.
	 */
	public Map<String, Object> parameters() {
		boolean id = MEMBER_ID.matcher(text).matches();
		return Map.of("searchKind", everyone() ? "" : id ? "id" : "name", "searchId", id ? Long.parseLong(text) : 0L,
				"namePattern", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
	}

}
