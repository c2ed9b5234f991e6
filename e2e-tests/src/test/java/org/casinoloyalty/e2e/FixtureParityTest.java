package org.casinoloyalty.e2e;

import org.casinoloyalty.dashboard.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test fixture stands in for the engine's relations as plain tables, so tests can set exact
 * rows. This keeps it honest: every fixture relation has the same columns, in the same order and of
 * the same types, as local-stack's real stand-in (itself held to setup_risingwave.sql by
 * local-stack's SchemaParityTest). It reads local-stack's {@code db/local-schema.sql} and the dashboard's
 * {@code db/dashboard-fixture.sql}, so it lives in neither service's module.
 */
class FixtureParityTest {

	private static final String COLUMNS = """
			SELECT table_name || '.' || column_name || ' ' || data_type
			FROM information_schema.columns
			WHERE table_schema = 'public' AND table_name IN (:relations)
			ORDER BY table_name, ordinal_position""";

	private static final List<String> RELATIONS = List.of("member_daily_summary", "member_window_live",
			"hotel_room_offers", "drink_offers", "game_stats", "member_leaderboard", "offer_rules", "redeemed_offers",
			"staff_actions");

	@Test
	void everyFixtureRelationHasTheColumnsOfLocalStacksRelation() throws SQLException, IOException {
		JdbcClient fixture = TestDatabase.sql();
		fixture.sql("DROP DATABASE IF EXISTS standin").update();
		fixture.sql("CREATE DATABASE standin").update();
		String localSchema = new ClassPathResource("db/local-schema.sql").getContentAsString(StandardCharsets.UTF_8);

		try (Connection connection = TestDatabase.connectTo("standin")) {
			var standinSource = new SingleConnectionDataSource(connection, true);
			new JdbcTemplate(standinSource).execute(localSchema);
			JdbcClient standin = JdbcClient.create(standinSource);

			List<String> expected = standin.sql(COLUMNS).param("relations", RELATIONS).query(String.class).list();
			List<String> actual = fixture.sql(COLUMNS).param("relations", RELATIONS).query(String.class).list();

			assertThat(expected).as("local-stack's relations").hasSizeGreaterThan(RELATIONS.size() * 3);
			assertThat(actual).containsExactlyElementsOf(expected);
		}
	}

}
