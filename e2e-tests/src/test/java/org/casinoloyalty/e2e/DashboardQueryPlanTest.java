package org.casinoloyalty.e2e;

import org.casinoloyalty.e2e.DashboardQueries.SentQuery;
import org.casinoloyalty.localstack.database.SchemaOnlyDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No dashboard query reads a whole growing relation on local-stack's schema. The queries are the dashboard's own
 * catalogue ({@link DashboardQueries#all()}), so a new one is covered without a change here. Ten days of windows for 20 members (57,600
 * window rows) and 100 days of redemptions (4,000) are loaded; each query runs under EXPLAIN ANALYZE, for
 * everyone and with searches as the dashboard sends it,
 * and no plan node may read more than a quarter of a growing relation (the dashboard asks for two
 * hours of windows and seven days of redemptions). Relations bounded by the roster, the games or
 * the rules may be read whole. Without local-stack's indexes on {@code member_window} and
 * {@code redeemed_offers} the window, offer and redemption queries fail.
 */
class DashboardQueryPlanTest {

	/** Internal table and its size in the loaded data. */
	private static final Map<String, Long> GROWING = Map.of("member_window", 57_600L, "redeemed_offers", 4_000L);

	@TempDir
	static Path dataDirectory;

	static SchemaOnlyDatabase database;

	@BeforeAll
	static void startAndLoad() {
		database = new SchemaOnlyDatabase(dataDirectory);
		database.sql().sql("""
				INSERT INTO local_stack.member_window
				SELECT m, 'Member ' || m, TIMESTAMP '2026-01-01' + w * INTERVAL '5 minutes',
				       TIMESTAMP '2026-01-01' + (w + 1) * INTERVAL '5 minutes', (m * 37 + w * 11) % 9000,
				       (m * 13 + w * 7) % 6000, 10, TIMESTAMP '2026-01-01' + w * INTERVAL '5 minutes' + INTERVAL '4 minutes'
				FROM generate_series(1001, 1020) AS m, generate_series(0, 2879) AS w""").update();
		database.sql().sql("""
				INSERT INTO local_stack.redeemed_offers
				SELECT m, 'Member ' || m, t, DATE '2026-01-10' - d, TIMESTAMP '2026-01-01', TIMESTAMP '2026-01-01 00:05',
				       TIMESTAMP '2026-01-10 00:06' - d * INTERVAL '1 day', 'host'
				FROM generate_series(1001, 1020) AS m, unnest(ARRAY['hotel', 'drink']) AS t, generate_series(0, 99) AS d""")
			.update();
		database.sql().sql("""
				INSERT INTO local_stack.member_totals
				SELECT m, 'Member ' || m, m * 10, m * 9, 2880, TIMESTAMP '2026-01-10 23:59' FROM generate_series(1001, 1020) AS m""")
			.update();
		database.sql().sql("""
				INSERT INTO local_stack.game_totals VALUES ('slot', 10, 1000, 900), ('poker', 5, 800, 700)""").update();
		database.sql().sql("UPDATE local_stack.ingest_state SET watermark = TIMESTAMP '2026-01-10 23:55'").update();
		// the last window is open: its rows belong with the open windows, as local-stack's ingest keeps them
		database.sql().sql("""
				WITH open AS (DELETE FROM local_stack.member_window WHERE window_end > TIMESTAMP '2026-01-10 23:55' RETURNING *)
				INSERT INTO local_stack.open_member_window SELECT * FROM open""").update();
		database.sql().sql("ANALYZE").update();
	}

	@AfterAll
	static void stop() throws IOException {
		if (database != null) {
			database.close();
		}
	}

	static Stream<Named<SentQuery>> queries() {
		return DashboardQueries.sent().stream().map(query -> Named.of(query.name(), query));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("queries")
	void readsOnlyAFractionOfEveryGrowingRelation(SentQuery query) {
		JdbcClient sql = database.sql();
		String explained = sql.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + query.query().sql())
			.params(query.arguments(database.dataSource()))
			.query(String.class)
			.single();
		JsonNode plan = JsonMapper.shared().readTree(explained).get(0).get("Plan");
		assertScansAreSelective(query.name(), plan, explained);
	}

	private static void assertScansAreSelective(String query, JsonNode node, String explained) {
		String relation = node.path("Relation Name").asString("");
		if (GROWING.containsKey(relation)) {
			long read = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
					+ node.path("Rows Removed by Index Recheck").asLong()) * node.path("Actual Loops").asLong(1);
			assertThat(node.path("Node Type").asString()).as("%s on %s%n%s", query, relation, explained).isNotEqualTo("Seq Scan");
			assertThat(read).as("rows of %s read by %s%n%s", relation, query, explained)
				.isLessThanOrEqualTo(GROWING.get(relation) / 4);
		}
		node.path("Plans").forEach(child -> assertScansAreSelective(query, child, explained));
	}

}
