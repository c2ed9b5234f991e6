package org.casinoloyalty.generator.schema;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaScriptTest {

	@Test
	void splitsOnSemicolonsDropsCommentsAndFoldsWhiteSpace() {
		List<String> statements = SchemaScript.statements("""
				-- heading
				CREATE TABLE a (x INT);

				-- (1) a view
				CREATE VIEW b AS
				SELECT x
				  -- inside
				FROM a;
				INSERT INTO a VALUES (1);   \s
				""", "broker:1");
		assertThat(statements).containsExactly("CREATE TABLE a (x INT)", "CREATE VIEW b AS SELECT x FROM a", "INSERT INTO a VALUES (1)");
	}

	@Test
	void semicolonsAndDashesInsideQuotesStayInTheirStatement() {
		assertThat(SchemaScript.statements("SELECT 'a;b', '--  c';\nSELECT \"x;y\" FROM t;", "b:1"))
			.containsExactly("SELECT 'a;b', '--  c'", "SELECT \"x;y\" FROM t");
	}

	@Test
	void replacesTheScriptsBrokerWithTheEnginesBroker() {
		assertThat(SchemaScript.statements("SELECT 'redpanda:9092', 'redpanda:90921';", "kafka.internal:29092"))
			.containsExactly("SELECT 'kafka.internal:29092', 'redpanda:90921'");
	}

	@Test
	void theSummaryNamesTheRelationOfACreateAndShortensLongStatements() {
		assertThat(SchemaScript.summary("CREATE MATERIALIZED VIEW IF NOT EXISTS member_daily_summary AS SELECT member_id FROM t"))
			.isEqualTo("CREATE MATERIALIZED VIEW IF NOT EXISTS member_daily_summary …");
		assertThat(SchemaScript.summary("SELECT * FROM no_such_relation")).isEqualTo("SELECT * FROM no_such_relation");
		assertThat(SchemaScript.summary("INSERT INTO offer_rules (offer_type, threshold, updated_at) VALUES ('hotel', 5000, NULL), ('drink', 1000, NULL)"))
			.isEqualTo("INSERT INTO offer_rules (offer_type, threshold, updated_at) VALUES ('hotel', …");
	}

	/** The packaged copy of risingwave/setup_risingwave.sql: 15 statements in the order of its numbered comments. */
	@Test
	void theRisingWaveScriptSplitsIntoItsFifteenCompleteStatements() throws Exception {
		String script = new ClassPathResource("schema/setup_risingwave.sql").getContentAsString(StandardCharsets.UTF_8);
		List<String> statements = SchemaScript.statements(script, "redpanda:9092");
		assertThat(statements).hasSize(15);
		assertThat(statements).extracting(SchemaScript::summary).containsExactly(
				"ALTER SYSTEM SET implicit_flush TO true",
				"CREATE SOURCE IF NOT EXISTS gaming_transactions …",
				"CREATE TABLE IF NOT EXISTS offer_rules …",
				"INSERT INTO offer_rules (offer_type, threshold, updated_at) VALUES ('hotel', …",
				"CREATE MATERIALIZED VIEW IF NOT EXISTS member_daily_summary …",
				"CREATE MATERIALIZED VIEW IF NOT EXISTS member_window_live …",
				"CREATE MATERIALIZED VIEW IF NOT EXISTS hotel_room_offers …",
				"CREATE MATERIALIZED VIEW IF NOT EXISTS drink_offers …",
				"CREATE MATERIALIZED VIEW IF NOT EXISTS game_stats …",
				"CREATE MATERIALIZED VIEW IF NOT EXISTS member_leaderboard …",
				"CREATE TABLE IF NOT EXISTS redeemed_offers …",
				"CREATE TABLE IF NOT EXISTS staff_actions …",
				"CREATE SINK IF NOT EXISTS loyalty_hotel_offers …",
				"CREATE SINK IF NOT EXISTS loyalty_drink_offers …",
				"CREATE SINK IF NOT EXISTS loyalty_redemptions …");
		assertThat(statements).allSatisfy(statement -> {
			assertThat(statement).doesNotContain(";").doesNotContain("--").doesNotContain("\n");
			assertThat(statement.chars().filter(c -> c == '(').count()).as(statement)
				.isEqualTo(statement.chars().filter(c -> c == ')').count());
			assertThat(statement.chars().filter(c -> c == '\'').count() % 2).as("quotes of %s", statement).isZero();
		});
		assertThat(statements.get(1)).contains("properties.bootstrap.server = 'redpanda:9092'").endsWith("FORMAT PLAIN ENCODE JSON");
		assertThat(statements.get(4)).endsWith("EMIT ON WINDOW CLOSE");
		assertThat(statements.get(10)).endsWith("ON CONFLICT DO NOTHING");
		assertThat(statements.get(11)).endsWith("APPEND ONLY");
		assertThat(statements.subList(12, 15)).allSatisfy(sink -> assertThat(sink)
			.contains("properties.bootstrap.server = 'redpanda:9092'")
			.contains("primary_key = 'member_id'")
			.endsWith("KEY ENCODE TEXT"));
	}

}
