package org.casinoloyalty.stacktests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What RisingWave v2.8.5 (the image docker-compose.yml pins) rejects or ignores although PostgreSQL,
 * local mode's engine, accepts it. Each rule names the file of the RisingWave repository at tag
 * v2.8.5, or the docs page, that it was read from; docs/sql-verification.md has the same list with
 * the reasoning. A rule looks at a statement with its comments and string literals blanked, so
 * {@code 'Complimentary Hotel Room (1 night)'} is not taken for a call of {@code Room}.
 */
final class RisingWaveSqlRules {

	/** One rule: {@code violations} returns what breaks it in a statement, empty when it holds. */
	record Rule(String id, String what, String source, Function<String, List<String>> violations) {

		List<String> check(String statement) {
			return violations.apply(blankCommentsAndLiterals(statement));
		}

		@Override
		public String toString() {
			return id + " " + what;
		}

	}

	/** Functions our statements call, each where RisingWave v2.8.5 defines it. */
	static final Map<String, String> FUNCTIONS = Map.of(
			"count", "proto/expr.proto (AggCall.Kind COUNT), bound by AggType::from_str in src/expr/core/src/aggregate/def.rs",
			"sum", "proto/expr.proto (AggCall.Kind SUM)",
			"max", "proto/expr.proto (AggCall.Kind MAX)",
			"min", "proto/expr.proto (AggCall.Kind MIN)",
			"coalesce", "src/frontend/src/binder/expr/function/builtin_scalar.rs (\"coalesce\")",
			"nullif", "src/frontend/src/binder/expr/function/builtin_scalar.rs (\"nullif\")",
			"version", "src/frontend/src/binder/expr/function/builtin_scalar.rs (\"version\": 'PostgreSQL 13.14.0-RisingWave-2.8.5 ...')",
			"tumble", "src/frontend/src/binder/relation/window_table_function.rs (\"tumble\")",
			"to_char", "src/frontend/src/binder/expr/function/builtin_scalar.rs (\"to_char\"); src/expr/impl/src/scalar/to_char.rs (to_char(timestamp, varchar))",
			"proctime", "src/frontend/src/binder/expr/function/builtin_scalar.rs (\"proctime\"); e2e_test/streaming/temporal_join/append_only/nested_loop.slt");

	/** The type names RisingWave's parser knows: src/sqlparser/src/parser_v2/data_type.rs at v2.8.5. */
	static final Set<String> TYPES = Set.of("boolean", "bool", "float", "real", "double", "smallint", "int", "integer",
			"bigint", "string", "varchar", "char", "character", "uuid", "date", "timestamp", "timestamptz", "time",
			"interval", "text", "struct", "bytea", "numeric", "decimal", "dec", "jsonb", "regclass", "regproc", "map",
			"vector");

	/** Words followed by "(" that are syntax, not function calls ("ENCODE JSON (" opens a sink's encode options). */
	private static final Set<String> KEYWORDS = Set.of("in", "values", "filter", "key", "as", "from", "exists", "with",
			"join", "on", "and", "or", "not", "where", "select", "using", "over", "by", "when", "then", "else", "any",
			"all", "returning", "cast", "json");

	/** A table or column list follows these words: "INSERT INTO t (", "CREATE TABLE IF NOT EXISTS t (". */
	private static final Pattern RELATION_NAME_BEFORE_PAREN = Pattern
		.compile("(?i)\\b(?:into|exists|table|source|view)\\s+([a-z_][a-z0-9_.]*)\\s*\\(");

	private static final Pattern CALL = Pattern.compile("(?i)\\b([a-z_][a-z0-9_]*)\\s*\\(");

	private static final Pattern BIND_PARAMETER = Pattern.compile("(?<![:\\w]):[A-Za-z_]\\w*|\\?|\\$\\d+");

	static final List<Rule> ALL = List.of(
			new Rule("R1", "no bind parameter in LIMIT",
					"src/frontend/src/binder/query.rs (bind_query: the LIMIT expression must try_fold_const, else "
							+ "\"expects an integer ... after LIMIT, but found non-const expression\"); risingwavelabs/risingwave#23345",
					sql -> find(sql, "(?i)\\bLIMIT\\s+(" + BIND_PARAMETER.pattern() + ")")),
			new Rule("R2", "OFFSET only as a number literal",
					"src/sqlparser/src/parser.rs (parse_offset reads parse_number_value only)",
					sql -> find(sql, "(?i)\\bOFFSET\\s+(?!\\d)(\\S+)")),
			new Rule("R3", "no transaction blocks",
					"src/frontend/src/handler/transaction.rs (a read-write BEGIN starts no transaction: \"Read-write "
							+ "transaction is not supported yet\"; COMMIT/ROLLBACK are no-ops; SET TRANSACTION unsupported)",
					sql -> find(sql, "(?i)^\\s*(BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|SET\\s+TRANSACTION|ABORT)\\b")),
			new Rule("R4", "no INSERT ... ON CONFLICT (only the table-level ON CONFLICT of CREATE TABLE)",
					"src/sqlparser/src/parser.rs (parse_insert: INTO name [(columns)] query [RETURNING]); "
							+ "docs /sql/commands/sql-insert, /sql/commands/sql-create-table (PK conflict behavior)",
					sql -> find(sql, "(?is)^\\s*INSERT\\b.*\\b(ON\\s+CONFLICT)\\b")),
			new Rule("R5", "no SELECT ... FOR UPDATE / FOR SHARE (no row locks)",
					"src/sqlparser/src/parser.rs (parse_query ends after ORDER BY, LIMIT, OFFSET, FETCH: no locking clause)",
					sql -> find(sql, "(?i)\\b(FOR\\s+(?:UPDATE|SHARE|NO\\s+KEY\\s+UPDATE|KEY\\s+SHARE))\\b")),
			new Rule("R6", "only functions RisingWave defines",
					"the files named in RisingWaveSqlRules.FUNCTIONS",
					RisingWaveSqlRules::unknownFunctions),
			new Rule("R7", "only casts to types RisingWave's parser knows",
					"src/sqlparser/src/parser_v2/data_type.rs (keyword types; jsonb, regclass, regproc, map, vector by name)",
					RisingWaveSqlRules::unknownCasts),
			new Rule("R8", "UPDATE has no FROM and DELETE no USING",
					"src/sqlparser/src/parser.rs (parse_update: SET assignments [WHERE] [RETURNING]; parse_delete: FROM name [WHERE] [RETURNING])",
					sql -> find(sql, "(?is)^\\s*(?:UPDATE\\b.*\\bSET\\b.*\\b(FROM)\\b|DELETE\\s+FROM\\s+\\S+\\s+(USING)\\b)")),
			new Rule("R9", "a table's ON CONFLICT action is one the parser knows",
					"src/sqlparser/src/parser.rs (parse_handle_conflict_behavior: DO NOTHING, OVERWRITE, IGNORE, DO UPDATE IF NOT NULL, "
							+ "DO UPDATE FULL); e2e_test/streaming/on_conflict.slt",
					sql -> find(sql, "(?i)\\bON\\s+CONFLICT\\s+(?!DO\\s+NOTHING\\b|OVERWRITE\\b|IGNORE\\b|DO\\s+UPDATE\\s+IF\\s+NOT\\s+NULL\\b|DO\\s+UPDATE\\s+FULL\\b)(\\S+(?:\\s+\\S+)?)")),
			new Rule("R10", "EMIT ON WINDOW CLOSE only on an aggregate grouped by a window column",
					"src/frontend/src/optimizer/plan_node/generic/agg.rs (\"Emit-On-Window-Close mode requires a watermark column in GROUP BY\"); "
							+ "docs /processing/emit-on-window-close",
					RisingWaveSqlRules::eowcWithoutWindowGroup));

	private RisingWaveSqlRules() {
	}

	/** Every rule broken by {@code statement}, as "R1 no bind parameter in LIMIT: LIMIT :limit". */
	static List<String> violations(String statement) {
		List<String> broken = new ArrayList<>();
		for (Rule rule : ALL) {
			for (String found : rule.check(statement)) {
				broken.add(rule.id() + " " + rule.what() + ": " + found);
			}
		}
		return broken;
	}

	/** An UPDATE that sets a primary-key column: "update modifying the PK column is unsupported". */
	static List<String> primaryKeyAssignments(String statement, Map<String, Set<String>> primaryKeys) {
		Matcher update = Pattern.compile("(?is)^\\s*UPDATE\\s+([a-z_][a-z0-9_]*)\\s+SET\\s+(.*?)(?:\\bWHERE\\b.*)?$")
			.matcher(blankCommentsAndLiterals(statement));
		if (!update.matches()) {
			return List.of();
		}
		Set<String> keys = primaryKeys.getOrDefault(update.group(1).toLowerCase(Locale.ROOT), Set.of());
		List<String> assigned = new ArrayList<>();
		Matcher column = Pattern.compile("(?i)(?:^|,)\\s*([a-z_][a-z0-9_]*)\\s*=").matcher(update.group(2));
		while (column.find()) {
			if (keys.contains(column.group(1).toLowerCase(Locale.ROOT))) {
				assigned.add(column.group(1));
			}
		}
		return assigned;
	}

	/** Line comments and the contents of string literals become spaces, so rules see only syntax. */
	static String blankCommentsAndLiterals(String sql) {
		StringBuilder out = new StringBuilder(sql.length());
		boolean literal = false;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (literal) {
				if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
					out.append("  ");
					i++;
				}
				else if (c == '\'') {
					literal = false;
					out.append(c);
				}
				else {
					out.append(c == '\n' ? '\n' : ' ');
				}
			}
			else if (c == '\'') {
				literal = true;
				out.append(c);
			}
			else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
				while (i < sql.length() && sql.charAt(i) != '\n') {
					out.append(' ');
					i++;
				}
				if (i < sql.length()) {
					out.append('\n');
				}
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static List<String> find(String sql, String regex) {
		List<String> found = new ArrayList<>();
		Matcher matcher = Pattern.compile(regex).matcher(sql);
		while (matcher.find()) {
			found.add(matcher.group(0).strip().replaceAll("\\s+", " "));
		}
		return found;
	}

	private static List<String> unknownFunctions(String sql) {
		Set<Integer> relationParens = new java.util.HashSet<>();
		Matcher relation = RELATION_NAME_BEFORE_PAREN.matcher(sql);
		while (relation.find()) {
			relationParens.add(relation.start(1));
		}
		List<String> unknown = new ArrayList<>();
		Matcher call = CALL.matcher(sql);
		while (call.find()) {
			String name = call.group(1).toLowerCase(Locale.ROOT);
			if (!KEYWORDS.contains(name) && !FUNCTIONS.containsKey(name) && !TYPES.contains(name)
					&& !relationParens.contains(call.start(1))) {
				unknown.add(call.group(1) + "(");
			}
		}
		return unknown;
	}

	private static List<String> unknownCasts(String sql) {
		List<String> unknown = new ArrayList<>();
		Matcher cast = Pattern.compile("(?i)::\\s*([a-z_][a-z0-9_]*)|\\bCAST\\s*\\([^()]*?\\bAS\\s+([a-z_][a-z0-9_]*)").matcher(sql);
		while (cast.find()) {
			String type = cast.group(1) != null ? cast.group(1) : cast.group(2);
			if (!TYPES.contains(type.toLowerCase(Locale.ROOT))) {
				unknown.add(cast.group(0).strip());
			}
		}
		return unknown;
	}

	private static List<String> eowcWithoutWindowGroup(String sql) {
		if (!Pattern.compile("(?i)\\bEMIT\\s+ON\\s+WINDOW\\s+CLOSE\\b").matcher(sql).find()) {
			return List.of();
		}
		Matcher groupBy = Pattern.compile("(?is)\\bGROUP\\s+BY\\b(.*?)\\bEMIT\\b").matcher(sql);
		if (groupBy.find() && Pattern.compile("(?i)\\bwindow_(start|end)\\b").matcher(groupBy.group(1)).find()) {
			return List.of();
		}
		return List.of("EMIT ON WINDOW CLOSE without window_start or window_end in GROUP BY");
	}

}
