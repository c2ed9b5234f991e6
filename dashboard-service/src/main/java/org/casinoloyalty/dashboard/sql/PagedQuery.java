package org.casinoloyalty.dashboard.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query that a grid reads a page at a time, sorted on the engine. RisingWave folds LIMIT and OFFSET
 * to constants while binding, before parameters are known (docs/sql-verification.md, R1 and R2), so the
 * page is written as number literals; the order is one of a fixed list of column expressions, never
 * text from a browser. Every text this can send is one of {@link #variants}, up to the two numbers,
 * and the engine checks see each of them.
 *
 * <p>A query over the rows of many members in a window searches by joining the members found
 * ({@link MemberSearch#foundMembersJoin}) where its select holds {@link #FOUND_MEMBERS}: for everyone the
 * marker is left out, so the statement has no search in it at all.
 *
 * @param select the statement up to, not including, its ORDER BY
 * @param orders sort key (the grid column's key) to the SQL expression it orders by
 * @param defaultSort the order of a grid nobody has sorted, and of the first page the shared poll reads
 * @param tieBreak appended to every order, unique per row, so that consecutive pages neither overlap nor skip
 * @param foundAlias the alias of the member rows the search joins at {@link #FOUND_MEMBERS}; null when the select
 *        has its own search condition ({@link MemberSearch#condition}) or none
 */
public record PagedQuery(String select, Map<String, String> orders, Sort defaultSort, String tieBreak,
		String foundAlias) {

	/** Where in {@link #select} the join of the members found goes, after the FROM clause's joins. */
	public static final String FOUND_MEMBERS = "/* found members */";

	/** The most rows one read asks for: a CSV download reads this many at a time. */
	public static final int MAX_ROWS = 1_000;

	/**
	 * The rows of each paged query that the shared poll reads, in the default order and for everyone:
	 * what a grid shows before anyone scrolls, sorts or searches, whatever the number of open browsers.
	 */
	public static final int FIRST_ROWS = 100;

	/** A grid's sort: one of {@link #orders}' keys, and its direction. */
	public record Sort(String key, boolean descending) {
	}

	public PagedQuery {
		orders = new LinkedHashMap<>(orders);
		if (!orders.containsKey(defaultSort.key())) {
			throw new IllegalArgumentException("the default sort " + defaultSort.key() + " is none of " + orders.keySet());
		}
		if ((foundAlias != null) != select.contains(FOUND_MEMBERS)) {
			throw new IllegalArgumentException("a found-members alias goes with the " + FOUND_MEMBERS + " marker in the select");
		}
	}

	/** A query whose select has its own search condition, or none. */
	public PagedQuery(String select, Map<String, String> orders, Sort defaultSort, String tieBreak) {
		this(select, orders, defaultSort, tieBreak, null);
	}

	/**
	 * The statement for {@code search}: with the members it finds joined in where the query has the marker, else
	 * as {@link #sql(Sort, int, int)}. It takes {@link MemberSearch#parameters}; those it lacks are ignored.
	 */
	public String sql(MemberSearch search, Sort sort, int offset, int limit) {
		return paged(found(!search.everyone()), sort, offset, limit);
	}

	/** The statement for rows {@code offset} to {@code offset + limit - 1} in {@code sort}'s order (null: the default). */
	public String sql(Sort sort, int offset, int limit) {
		return paged(found(false), sort, offset, limit);
	}

	private String found(boolean members) {
		return foundAlias == null ? select
				: select.replace(FOUND_MEMBERS, members ? MemberSearch.foundMembersJoin(foundAlias) : "");
	}

	private String paged(String select, Sort sort, int offset, int limit) {
		if (sort == null) {
			sort = defaultSort;
		}
		String expression = orders.get(sort.key());
		if (expression == null) {
			throw new IllegalArgumentException("no order '" + sort.key() + "'; the orders are " + orders.keySet());
		}
		if (offset < 0 || limit < 1 || limit > MAX_ROWS) {
			throw new IllegalArgumentException("a page is 1 to " + MAX_ROWS + " rows from offset 0 or more, not "
					+ limit + " from " + offset);
		}
		return select.stripTrailing() + "\nORDER BY " + expression + (sort.descending() ? " DESC" : " ASC") + ", " + tieBreak
				+ "\nLIMIT " + limit + " OFFSET " + offset;
	}

	/**
	 * Every order in both directions, as the first page of 50 rows, each named after its order, and with the
	 * members found joined in as well ({@code Repo.FIELD[order] found}) where the query has the marker.
	 */
	List<EngineStatement> variants(String name) {
		List<EngineStatement> variants = new ArrayList<>();
		for (boolean members : foundAlias == null ? new boolean[] { false } : new boolean[] { false, true }) {
			for (String key : orders.keySet()) {
				for (boolean descending : new boolean[] { true, false }) {
					variants.add(new EngineStatement(name + "[" + key + (descending ? " desc" : " asc") + "]"
							+ (members ? " found" : ""), paged(found(members), new Sort(key, descending), 0, 50), members));
				}
			}
		}
		return variants;
	}

}
