package org.casinoloyalty.stacktests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.casinoloyalty.dashboard.sql.EngineStatement;
import org.casinoloyalty.dashboard.sql.EngineStatements;
import org.casinoloyalty.generator.schema.SchemaScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement that a service sends to RisingWave, checked against the rules of
 * {@link RisingWaveSqlRules}: the dashboard's (each feature's {@code @Repository} constants, found by
 * the product's own {@link EngineStatements}) and the generator's (risingwave/setup_risingwave.sql,
 * split by the product's own {@link SchemaScript}). Runs everywhere, Docker or not; the RisingWave
 * suite then runs the same statements on the engine itself where Docker exists.
 */
class EngineSqlCompatibilityTest {

	private static final String SCHEMA = "risingwave/setup_risingwave.sql";

	static List<String> schemaStatements() throws IOException {
		return SchemaScript.statements(Files.readString(ComposeFile.REPOSITORY_ROOT.resolve(SCHEMA)), "redpanda:9092");
	}

	static Stream<Arguments> everyStatement() throws IOException {
		List<Arguments> all = new ArrayList<>();
		for (EngineStatement statement : EngineStatements.all()) {
			all.add(Arguments.of("dashboard " + statement.name(), statement.sql()));
		}
		List<String> schema = schemaStatements();
		for (int i = 0; i < schema.size(); i++) {
			all.add(Arguments.of("generator " + SCHEMA + " #" + (i + 1), schema.get(i)));
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyStatement")
	void keepsEveryRisingWaveRule(String where, String sql) {
		assertThat(RisingWaveSqlRules.violations(sql)).as("%s:%n%s", where, sql).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyStatement")
	void updatesNoPrimaryKeyColumn(String where, String sql) throws IOException {
		// R11: src/frontend/src/binder/update.rs, "update modifying the PK column is unsupported"
		assertThat(RisingWaveSqlRules.primaryKeyAssignments(sql, primaryKeys())).as("%s:%n%s", where, sql).isEmpty();
	}

	/** The catalogue is what the product sends: every feature with SQL contributes, and nothing is empty. */
	@Test
	void findsTheStatementsOfEveryFeature() throws IOException {
		List<EngineStatement> dashboard = EngineStatements.all();
		assertThat(dashboard).extracting(EngineStatement::name)
			.contains("AnalyticsRepository.GAME_STATS", "AnalyticsRepository.MEMBER_TOTALS", "EngineDialect.FLUSH",
					"EngineDialect.VERSION", "MemberActivityRepository.LEADERBOARD[lifetimeSpend desc]",
					"MemberActivityRepository.LEADERBOARD[memberName asc]", "MemberActivityRepository.WINDOW[totalSpend desc]",
					"OfferRepository.DRINK_WINDOW[qualifyingAmount desc]", "OfferRepository.HOTEL_WINDOW[memberId asc]",
					"OfferRepository.DRINK_WINDOW_PENDING[qualifyingAmount desc] found", "OfferRepository.HOTEL_ON_TRACK[amount desc] found",
					"OfferRepository.DRINK_OFFER_COUNT", "OfferRepository.DRINK_REDEEMED", "OfferRepository.DRINK_WINDOW_PENDING[qualifyingAmount desc]", "OfferRepository.HOTEL_ON_TRACK[amount desc]",
					"OfferRepository.DRINK_ON_TRACK_COUNT", "OfferRuleRepository.ALL",
					"OfferRuleRepository.UPDATE", "RedemptionRepository.FIND", "RedemptionRepository.INSERT",
					"RedemptionRepository.SINCE", "WatermarkRepository.WATERMARK");
		assertThat(dashboard).allSatisfy(statement -> assertThat(statement.sql()).isNotBlank());
		assertThat(schemaStatements()).hasSizeGreaterThanOrEqualTo(10);
		assertThat(primaryKeys()).containsEntry("offer_rules", Set.of("offer_type"))
			.containsEntry("redeemed_offers", Set.of("member_id", "offer_type", "redemption_date"));
	}

	/** R3 for code: RisingWave has no read-write transactions, so nothing may rely on one. */
	@Test
	void noServiceReliesOnATransaction() {
		JavaClasses services = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.casinoloyalty.dashboard", "org.casinoloyalty.generator");
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.transaction.annotation.Transactional")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.transaction.support.TransactionTemplate")
			.because("src/frontend/src/handler/transaction.rs: a read-write BEGIN starts no transaction on RisingWave")
			.check(services);
	}

	static Stream<Arguments> brokenStatements() {
		return Stream.of(
				Arguments.of("R1", "SELECT * FROM member_window_live ORDER BY window_start LIMIT :limit"),
				Arguments.of("R1", "SELECT * FROM member_window_live LIMIT ?"),
				Arguments.of("R1", "SELECT * FROM member_window_live LIMIT $2"),
				Arguments.of("R2", "SELECT * FROM member_window_live LIMIT 10 OFFSET :offset"),
				Arguments.of("R3", "BEGIN"),
				Arguments.of("R3", "START TRANSACTION"),
				Arguments.of("R3", "COMMIT"),
				Arguments.of("R4", "INSERT INTO redeemed_offers (member_id) VALUES (:id) ON CONFLICT DO NOTHING"),
				Arguments.of("R4", "INSERT INTO offer_rules VALUES ('hotel', 1, NULL) ON CONFLICT (offer_type) DO UPDATE SET threshold = 1"),
				Arguments.of("R5", "SELECT * FROM redeemed_offers WHERE member_id = :memberId FOR UPDATE"),
				Arguments.of("R6", "SELECT date_trunc('day', window_start) FROM member_daily_summary"),
				Arguments.of("R6", "SELECT greatest(total_spend, 0) FROM member_daily_summary"),
				Arguments.of("R7", "SELECT total_spend::money FROM member_daily_summary"),
				Arguments.of("R7", "SELECT CAST(total_spend AS money) FROM member_daily_summary"),
				Arguments.of("R8", "UPDATE offer_rules SET threshold = r.t FROM other r WHERE offer_type = r.k"),
				Arguments.of("R8", "DELETE FROM redeemed_offers USING other WHERE true"),
				Arguments.of("R9", "CREATE TABLE t (k INT PRIMARY KEY) ON CONFLICT DO IGNORE"),
				Arguments.of("R10", "CREATE MATERIALIZED VIEW v AS SELECT member_id, COUNT(*) FROM gaming_transactions "
						+ "GROUP BY member_id EMIT ON WINDOW CLOSE"));
	}

	/** Every rule can fail: each catches a statement that RisingWave rejects and PostgreSQL accepts. */
	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("brokenStatements")
	void eachRuleCatchesWhatRisingWaveRejects(String rule, String sql) {
		assertThat(RisingWaveSqlRules.violations(sql)).anySatisfy(violation -> assertThat(violation).startsWith(rule + " "));
	}

	@Test
	void rulesDoNotReadStringLiteralsOrComments() {
		assertThat(RisingWaveSqlRules.violations("""
				-- LIMIT :limit, FOR UPDATE, BEGIN
				SELECT 'Complimentary Hotel Room (1 night) LIMIT ? FOR UPDATE' AS reward_type FROM hotel_room_offers""")).isEmpty();
	}

	@Test
	void r11CatchesAnUpdateOfAPrimaryKey() throws IOException {
		assertThat(RisingWaveSqlRules.primaryKeyAssignments(
				"UPDATE offer_rules SET threshold = :t, offer_type = :k WHERE offer_type = :old", primaryKeys()))
			.containsExactly("offer_type");
	}

	/** Primary keys of the script's tables: "CREATE TABLE ... name (... col TYPE PRIMARY KEY" or "PRIMARY KEY (a, b)". */
	static Map<String, Set<String>> primaryKeys() throws IOException {
		Map<String, Set<String>> keys = new HashMap<>();
		Pattern table = Pattern.compile("(?is)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)\\s*\\((.*)\\)");
		for (String statement : schemaStatements()) {
			Matcher created = table.matcher(statement);
			if (!created.find()) {
				continue;
			}
			Set<String> columns = new LinkedHashSet<>();
			Matcher inline = Pattern.compile("(?im)^\\s*([a-z_][a-z0-9_]*)\\s+\\w+[^,\\n]*\\bPRIMARY\\s+KEY\\b").matcher(created.group(2));
			while (inline.find()) {
				columns.add(inline.group(1).toLowerCase(Locale.ROOT));
			}
			Matcher clause = Pattern.compile("(?i)\\bPRIMARY\\s+KEY\\s*\\(([^)]*)\\)").matcher(created.group(2));
			while (clause.find()) {
				for (String column : clause.group(1).split(",")) {
					columns.add(column.strip().toLowerCase(Locale.ROOT));
				}
			}
			keys.put(created.group(1).toLowerCase(Locale.ROOT), columns);
		}
		return keys;
	}

}
