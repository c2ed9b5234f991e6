package org.casinoloyalty.localstack.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13's "schema initialiser run 5 times": local-stack applies its script at every start. */
class SchemaReapplyTest {

	@TempDir
	Path dataDirectory;

	@Test
	void applyingTheSchemaFiveTimesMoreLeavesTheSameCatalogAndTheData() throws Exception {
		try (SchemaOnlyDatabase database = new SchemaOnlyDatabase(dataDirectory)) {
			database.sql().sql("UPDATE offer_rules SET threshold = 4321 WHERE offer_type = 'hotel'").update();
			List<String> first = Catalog.of(database.sql());
			assertThat(first).anyMatch(line -> line.startsWith("view public.member_daily_summary "))
				.anyMatch(line -> line.startsWith("trigger redeemed_offers "))
				.anyMatch(line -> line.startsWith("column local_stack.outbox.failed_at "))
				.contains("options public.gaming_transactions autovacuum_vacuum_scale_factor=0.02");
			for (int run = 1; run <= 5; run++) {
				database.applySchema();
				assertThat(Catalog.of(database.sql())).as("catalog after run %d", run).isEqualTo(first);
			}
			assertThat(database.sql().sql("SELECT threshold FROM offer_rules WHERE offer_type = 'hotel'")
				.query(String.class)
				.single()).isEqualTo("4321");
		}
	}

	/** D23 on a database made before it: the index, the table option and the retention's row appear, the raw rows stay. */
	@Test
	void aDatabaseFromBeforeTheRetentionGetsItsIndexOptionAndRowAndKeepsItsRawEvents() throws Exception {
		try (SchemaOnlyDatabase database = new SchemaOnlyDatabase(dataDirectory)) {
			List<String> current = Catalog.of(database.sql());
			database.sql().sql("DROP INDEX gaming_transactions_by_time").update();
			database.sql().sql("ALTER TABLE gaming_transactions RESET (autovacuum_vacuum_scale_factor)").update();
			database.sql().sql("DROP TABLE local_stack.raw_event_retention").update();
			database.sql().sql("""
					INSERT INTO gaming_transactions (transaction_id, member_id, member_name, transaction_type, amount, game_type,
					  transaction_time)
					SELECT i, 1001, 'Alice', 'bet', 10, 'slot', TIMESTAMP '2026-03-01 10:00:00' + i * INTERVAL '1 second'
					FROM generate_series(1, 1000) AS i""").update();

			database.applySchema();

			assertThat(Catalog.of(database.sql())).isEqualTo(current);
			assertThat(database.sql().sql("SELECT count(*) FROM gaming_transactions").query(Long.class).single()).isEqualTo(1000);
			assertThat(database.sql().sql("SELECT deleted FROM local_stack.raw_event_retention").query(Long.class).single()).isZero();
		}
	}

	/** Issue 14 on a database made before it, where member_window held the open windows too: they move over. */
	@Test
	void aDatabaseWithOpenWindowsAmongTheClosedOnesMovesThemToTheOpenWindowsTable() throws Exception {
		try (SchemaOnlyDatabase database = new SchemaOnlyDatabase(dataDirectory)) {
			database.sql().sql("""
					INSERT INTO local_stack.member_window
					SELECT 1001, 'Alice', TIMESTAMP '2026-03-01 10:00:00' + w * INTERVAL '5 minutes',
					       TIMESTAMP '2026-03-01 10:05:00' + w * INTERVAL '5 minutes', 100 * w, 10, 3,
					       TIMESTAMP '2026-03-01 10:04:00' + w * INTERVAL '5 minutes'
					FROM generate_series(0, 2) AS w""").update();
			database.sql().sql("UPDATE local_stack.ingest_state SET watermark = TIMESTAMP '2026-03-01 10:10:00'").update();
			List<String> live = database.rows("SELECT * FROM member_window_live ORDER BY window_start");

			database.applySchema();

			assertThat(database.rows("SELECT window_start FROM local_stack.member_window ORDER BY 1"))
				.containsExactly("2026-03-01 10:00:00", "2026-03-01 10:05:00");
			assertThat(database.rows("SELECT window_start FROM local_stack.open_member_window"))
				.containsExactly("2026-03-01 10:10:00");
			assertThat(database.rows("SELECT * FROM member_window_live ORDER BY window_start")).isEqualTo(live);
			assertThat(database.rows("SELECT window_start FROM member_daily_summary ORDER BY 1"))
				.containsExactly("2026-03-01 10:00:00", "2026-03-01 10:05:00");
		}
	}

	/** Issue 14: a closed-windows table keyed by member first, as an earlier release made it, gets the window-led key. */
	@Test
	void aClosedWindowsTableKeyedByMemberFirstGetsTheWindowLedKeyAndKeepsItsRows() throws Exception {
		try (SchemaOnlyDatabase database = new SchemaOnlyDatabase(dataDirectory)) {
			List<String> current = Catalog.of(database.sql());
			database.sql().sql("""
					ALTER TABLE local_stack.member_window DROP CONSTRAINT member_window_pkey,
					    ADD PRIMARY KEY (member_id, member_name, window_start)""").update();
			database.sql().sql("""
					INSERT INTO local_stack.member_window VALUES (1001, 'Alice', TIMESTAMP '2026-03-01 10:00:00',
					    TIMESTAMP '2026-03-01 10:05:00', 100, 10, 3, TIMESTAMP '2026-03-01 10:04:00')""").update();

			database.applySchema();

			assertThat(database.rows("SELECT pg_get_indexdef('local_stack.member_window_pkey'::regclass)"))
				.containsExactly("CREATE UNIQUE INDEX member_window_pkey ON local_stack.member_window USING btree "
						+ "(window_start, member_id, member_name)");
			assertThat(Catalog.of(database.sql())).isEqualTo(current);
			assertThat(database.rows("SELECT member_id, total_spend FROM member_window_live"))
				.containsExactly("1001|100");
		}
	}

}
