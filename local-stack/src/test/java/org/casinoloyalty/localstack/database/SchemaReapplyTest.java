package org.casinoloyalty.localstack.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
				.anyMatch(line -> line.startsWith("column local_stack.outbox.failed_at "));
			LocalSchema schema = new LocalSchema(new JdbcTemplate(database.dataSource()),
					new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())));
			for (int run = 1; run <= 5; run++) {
				schema.apply();
				assertThat(Catalog.of(database.sql())).as("catalog after run %d", run).isEqualTo(first);
			}
			assertThat(database.sql().sql("SELECT threshold FROM offer_rules WHERE offer_type = 'hotel'")
				.query(String.class)
				.single()).isEqualTo("4321");
		}
	}

}
