package org.casinoloyalty.dashboard;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.DynamicPropertyRegistry;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One real PostgreSQL (random port) for the whole test JVM, with the relations of
 * {@code db/dashboard-fixture.sql}; {@link #reset()} recreates them empty.
 */
public final class TestDatabase {

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static synchronized DataSource dataSource() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ignored) {
					// the JVM is going away
				}
			}));
			reset();
		}
		return postgres.getPostgresDatabase();
	}

	public static String jdbcUrl() {
		dataSource();
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	/** A connection to another database of the same server (created by the caller). */
	public static Connection connectTo(String database) throws SQLException {
		dataSource();
		return postgres.getDatabase("postgres", database).getConnection();
	}

	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
	}

	public static void reset() {
		new ResourceDatabasePopulator(new ClassPathResource("db/dashboard-fixture.sql")).execute(dataSource());
	}

	/**
	 * The audit trail, oldest first, a row as {@code user ROLE action | target | before -> after}
	 * with {@code -} for a missing value.
	 */
	public static List<String> auditRows() {
		return sql().sql("""
				SELECT staff_user || ' ' || coalesce(staff_role, '-') || ' ' || action || ' | ' || target || ' | '
				       || coalesce(value_before, '-') || ' -> ' || coalesce(value_after, '-')
				FROM staff_actions ORDER BY acted_at""").query(String.class).list();
	}

	public static JdbcClient sql() {
		return JdbcClient.create(dataSource());
	}

	/**
	 * A closed window of one member: in member_daily_summary and member_window_live, and the member in
	 * member_leaderboard as every member who played is.
	 */
	public static void closedWindow(long memberId, String name, LocalDateTime start, String spend, String winnings,
			int transactions) {
		window("member_daily_summary", memberId, name, start, spend, winnings, transactions);
		window("member_window_live", memberId, name, start, spend, winnings, transactions);
		played(memberId, name, spend, winnings, transactions, start.plusMinutes(4));
		BigDecimal net = new BigDecimal(winnings).subtract(new BigDecimal(spend));
		var rules = sql().sql("SELECT offer_type, threshold FROM offer_rules").query().listOfRows();
		for (var rule : rules) {
			BigDecimal threshold = (BigDecimal) rule.get("threshold");
			if (rule.get("offer_type").equals("hotel") && new BigDecimal(spend).compareTo(threshold) >= 0) {
				sql().sql("""
						INSERT INTO hotel_room_offers VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Complimentary Hotel Room (1 night)')""")
					.params(memberId, name, new BigDecimal(spend), transactions, net, start.plusMinutes(4), start,
							start.plusMinutes(5))
					.update();
			}
			if (rule.get("offer_type").equals("drink") && net.negate().compareTo(threshold) >= 0) {
				sql().sql("""
						INSERT INTO drink_offers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Complimentary Premium Drink')""")
					.params(memberId, name, new BigDecimal(spend), transactions, net, net.negate(), start.plusMinutes(4),
							start, start.plusMinutes(5))
					.update();
			}
		}
	}

	/** Activity in the open window: member_window_live, and the member in member_leaderboard. */
	public static void openWindow(long memberId, String name, LocalDateTime start, String spend, String winnings,
			int transactions, LocalDateTime lastTransaction) {
		BigDecimal net = new BigDecimal(winnings).subtract(new BigDecimal(spend));
		sql().sql("INSERT INTO member_window_live VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(memberId, name, new BigDecimal(spend), new BigDecimal(winnings), net, transactions, lastTransaction,
					start, start.plusMinutes(5))
			.update();
		played(memberId, name, spend, winnings, transactions, lastTransaction);
	}

	/** The member's row of member_leaderboard with this play's figures, unless a test has written one. */
	private static void played(long memberId, String name, String spend, String winnings, int transactions,
			LocalDateTime lastSeen) {
		BigDecimal net = new BigDecimal(winnings).subtract(new BigDecimal(spend));
		sql().sql("""
				INSERT INTO member_leaderboard SELECT ?, ?, ?, ?, ?, ?, ?
				WHERE NOT EXISTS (SELECT 1 FROM member_leaderboard WHERE member_id = ? AND member_name = ?)""")
			.params(memberId, name, new BigDecimal(spend), new BigDecimal(winnings), net, transactions, lastSeen, memberId,
					name)
			.update();
	}

	private static void window(String table, long memberId, String name, LocalDateTime start, String spend,
			String winnings, int transactions) {
		BigDecimal net = new BigDecimal(winnings).subtract(new BigDecimal(spend));
		sql().sql("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(memberId, name, new BigDecimal(spend), new BigDecimal(winnings), net, transactions,
					start.plusMinutes(4), start, start.plusMinutes(5))
			.update();
	}

}
