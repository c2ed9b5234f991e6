package org.casinoloyalty.localstack.database;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in shows the relations of {@code risingwave/setup_risingwave.sql}, and only those, in
 * schema public: same names, same columns in the same order, and the types RisingWave returns.
 * The Docker schema is parsed, not copied, so a change on either side fails this test.
 */
class SchemaParityTest {

	private static final Path RISINGWAVE_SCHEMA = Path.of("..", "risingwave", "setup_risingwave.sql");

	private static final Pattern CREATE = Pattern.compile(
			"CREATE\\s+(SOURCE|TABLE|MATERIALIZED\\s+VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s*(.*)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern ALIAS = Pattern.compile("(?is).*\\bAS\\s+(\\w+)\\s*");

	/** The PostgreSQL type RisingWave's declared types come back as over pgwire. */
	private static final Map<String, String> DECLARED_TYPES = Map.of("BIGINT", "bigint", "VARCHAR", "character varying",
			"DECIMAL", "numeric", "TIMESTAMP", "timestamp without time zone", "DATE", "date");

	/**
	 * Each column name means one thing in every relation, so one type per name: for columns of the
	 * source and tables it must agree with the declared type (checked below); for view columns it is
	 * the type of RisingWave's expression (SUM of DECIMAL is DECIMAL, COUNT is BIGINT, a string
	 * literal is VARCHAR, window bounds are TIMESTAMP).
	 */
	private static final Map<String, String> COLUMN_TYPES = typeOfEachColumn(Map.of(
			"bigint", List.of("transaction_id", "member_id", "transaction_count", "bet_count", "lifetime_transactions"),
			"character varying", List.of("member_name", "transaction_type", "game_type", "reward_type", "offer_type",
					"staff_user", "staff_role", "action", "target", "value_before", "value_after", "redeemed_by"),
			"numeric", List.of("amount", "total_spend", "total_winnings", "net_amount", "loss_amount", "total_wagered",
					"total_paid_out", "house_net", "house_edge", "lifetime_spend", "lifetime_winnings", "lifetime_net",
					"threshold"),
			"timestamp without time zone", List.of("transaction_time", "last_transaction", "window_start", "window_end",
					"last_seen", "acted_at", "updated_at", "redeemed_at"),
			"date", List.of("redemption_date")));

	@TempDir
	static Path dataDirectory;

	static SchemaOnlyDatabase database;

	static JdbcClient sql;

	@BeforeAll
	static void startWithSchema() {
		database = new SchemaOnlyDatabase(dataDirectory);
		sql = database.sql();
	}

	@AfterAll
	static void stop() throws IOException {
		if (database != null) {
			database.close();
		}
	}

	@Test
	void publicSchemaHasTheRisingWaveRelationsWithTheSameColumnsInTheSameOrder() throws IOException {
		Map<String, List<String>> expected = new LinkedHashMap<>();
		parseRisingWaveSchema().forEach((relation, columns) -> expected.put(relation,
				columns.stream().map(column -> column.name() + " " + COLUMN_TYPES.get(column.name())).toList()));

		Map<String, List<String>> actual = new LinkedHashMap<>();
		sql.sql("""
				SELECT c.relname, a.attname, format_type(a.atttypid, NULL) AS type
				FROM pg_class c
				JOIN pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
				WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
				ORDER BY c.relname, a.attnum""")
			.query((row, number) -> actual.computeIfAbsent(row.getString(1), name -> new ArrayList<>())
				.add(row.getString(2) + " " + row.getString(3)))
			.list();

		assertThat(expected).hasSize(10);
		assertThat(actual).containsOnlyKeys(expected.keySet());
		expected.forEach((relation, columns) -> assertThat(actual.get(relation)).as(relation).containsExactlyElementsOf(columns));
	}

	@Test
	void declaredTypesOfTheSourceAndTablesAgreeWithTheColumnTypes() throws IOException {
		List<Column> declared = parseRisingWaveSchema().values().stream().flatMap(List::stream)
			.filter(column -> column.declaredType() != null)
			.toList();
		assertThat(declared).hasSize(25);
		declared.forEach(column -> assertThat(DECLARED_TYPES.get(column.declaredType()))
			.as(column.name()).isEqualTo(COLUMN_TYPES.get(column.name())));
	}

	record Column(String name, String declaredType) {
	}

	/** Column name to type; a name listed under two types fails here, at class initialisation. */
	private static Map<String, String> typeOfEachColumn(Map<String, List<String>> columnsByType) {
		Map<String, String> types = new HashMap<>();
		columnsByType.forEach((type, columns) -> columns.forEach(column -> {
			String other = types.put(column, type);
			if (other != null) {
				throw new IllegalStateException(column + " is listed as " + other + " and as " + type);
			}
		}));
		return Map.copyOf(types);
	}

	/** Relation name to columns, from every CREATE SOURCE, TABLE and MATERIALIZED VIEW of the Docker schema. */
	static Map<String, List<Column>> parseRisingWaveSchema() throws IOException {
		Map<String, List<Column>> relations = new LinkedHashMap<>();
		StringBuilder statement = new StringBuilder();
		for (String line : Files.readAllLines(RISINGWAVE_SCHEMA)) {
			if (line.strip().startsWith("--")) {
				continue;
			}
			statement.append(line).append('\n');
			if (line.strip().endsWith(";")) {
				Matcher create = CREATE.matcher(statement.toString().strip());
				if (create.matches()) {
					String kind = create.group(1).toUpperCase(Locale.ROOT);
					relations.put(create.group(2), kind.startsWith("MATERIALIZED") ? selectList(create.group(3))
							: columnDefinitions(create.group(3)));
				}
				statement.setLength(0);
			}
		}
		return relations;
	}

	private static List<Column> columnDefinitions(String afterName) {
		String body = afterName.substring(afterName.indexOf('(') + 1);
		List<Column> columns = new ArrayList<>();
		for (String item : topLevel(body, ")", false)) {
			String[] words = item.strip().split("\\s+");
			String first = words[0].toUpperCase(Locale.ROOT);
			if (!first.equals("WATERMARK") && !first.equals("PRIMARY")) {
				columns.add(new Column(words[0], words[1].toUpperCase(Locale.ROOT)));
			}
		}
		return columns;
	}

	private static List<Column> selectList(String afterName) {
		String query = afterName.substring(afterName.toUpperCase(Locale.ROOT).indexOf("SELECT") + "SELECT".length());
		return topLevel(query, "FROM", true).stream().map(item -> {
			Matcher alias = ALIAS.matcher(item);
			return new Column(alias.matches() ? alias.group(1) : item.strip(), null);
		}).toList();
	}

	/** Splits at commas outside parentheses, up to the first top-level occurrence of {@code end}. */
	private static List<String> topLevel(String text, String end, boolean endIsWord) {
		List<String> items = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (depth == 0 && text.regionMatches(true, i, end, 0, end.length())
					&& (!endIsWord || (i > 0 && Character.isWhitespace(text.charAt(i - 1))))) {
				items.add(text.substring(start, i));
				return items;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				items.add(text.substring(start, i));
				start = i + 1;
			}
		}
		throw new IllegalStateException("no top-level " + end + " in: " + text);
	}

}
