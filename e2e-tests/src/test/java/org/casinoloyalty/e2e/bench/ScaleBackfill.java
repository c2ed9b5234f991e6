package org.casinoloyalty.e2e.bench;

import org.casinoloyalty.generator.simulation.CasinoSimulator;
import org.casinoloyalty.generator.simulation.Member;
import org.casinoloyalty.generator.simulation.TransactionEvent;
import org.casinoloyalty.generator.simulation.TransactionIds;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Events already stored before the live run: the generator's own simulator plays the roster with a fixed seed
 * over {@code span} of event time ending at {@code end}, and the events go straight into local-stack's tables with
 * COPY (raw events, member windows), plus additive upserts of the running totals, the same sums its ingest loop
 * keeps. Not through the topic: loading ten million events at the live rate would take the whole benchmark.
 * The outbox is left alone: these windows closed before the run, their offers were handed on then.
 */
final class ScaleBackfill {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private static final long WINDOW_MILLIS = Duration.ofMinutes(5).toMillis();

	private final Connection connection;

	private final Consumer<String> progress;

	ScaleBackfill(Connection connection, Consumer<String> progress) {
		this.connection = connection;
		this.progress = progress;
	}

	/** Stores {@code events} bets and wins of {@code roster}; returns how many were stored. */
	long load(List<Member> roster, long events, Instant end, Duration span, long seed) throws SQLException, IOException {
		long startMillis = end.minus(span).toEpochMilli();
		double spacing = (double) span.toMillis() / events;
		MutableClock clock = new MutableClock(startMillis);
		CasinoSimulator simulator = new CasinoSimulator(roster, new SplittableRandom(seed), clock, new TransactionIds(clock));
		Map<Long, Window> window = new HashMap<>();
		Map<Long, Window> lifetime = new HashMap<>();
		Map<String, BigDecimal[]> games = new HashMap<>();
		long windowStart = Math.floorDiv(startMillis, WINDOW_MILLIS) * WINDOW_MILLIS;
		long stored = 0;
		long reported = System.nanoTime();
		List<String> indexes = dropSecondaryIndexes("local_stack.member_window", "gaming_transactions");
		CopyIn raw = copyRaw();
		StringBuilder rows = new StringBuilder(1 << 20);
		while (stored < events) {
			// stamped by events stored, not plays (one or two events each), so the events fill the whole span
			clock.millis = startMillis + (long) (stored * spacing);
			long start = Math.floorDiv(clock.millis, WINDOW_MILLIS) * WINDOW_MILLIS;
			if (start != windowStart) {
				// one COPY at a time on a connection: the raw events' ends before the window's starts
				flush(raw, rows);
				raw.endCopy();
				writeWindows(window, windowStart);
				raw = copyRaw();
				window.clear();
				windowStart = start;
			}
			for (TransactionEvent event : simulator.play()) {
				rows.append(event.transactionId()).append('\t').append(event.memberId()).append('\t')
					.append(event.memberName()).append('\t').append(event.transactionType()).append('\t')
					.append(event.amount().toPlainString()).append('\t').append(event.gameType()).append('\t')
					.append(TIME.format(event.transactionTime())).append('\n');
				boolean bet = event.transactionType().equals(TransactionEvent.BET);
				window.computeIfAbsent(event.memberId(), id -> new Window(event.memberName())).add(event, bet);
				lifetime.computeIfAbsent(event.memberId(), id -> new Window(event.memberName())).add(event, bet);
				BigDecimal[] game = games.computeIfAbsent(event.gameType(),
						type -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
				if (bet) {
					game[0] = game[0].add(BigDecimal.ONE);
					game[1] = game[1].add(event.amount());
				}
				else {
					game[2] = game[2].add(event.amount());
				}
				stored++;
			}
			if (rows.length() > (1 << 20)) {
				flush(raw, rows);
			}
			if (System.nanoTime() - reported > 5_000_000_000L) {
				reported = System.nanoTime();
				progress.accept(String.format("backfill: %,d of %,d events stored", stored, events));
			}
		}
		flush(raw, rows);
		raw.endCopy();
		writeWindows(window, windowStart);
		writeTotals(lifetime, games);
		progress.accept(String.format("backfill: building the %d secondary indexes of the windows and raw events again",
				indexes.size()));
		try (Statement statement = connection.createStatement()) {
			for (String index : indexes) {
				statement.execute(index);
			}
			// As ingestion would have left it: the watermark 10 s behind the last event, so the live run's first
			// batch hands out the offers of the last window only, not those of a whole day at once (D20)
			statement.execute("""
					UPDATE local_stack.ingest_state SET watermark = GREATEST(watermark, TIMESTAMP '%s' - INTERVAL '10 seconds')"""
				.formatted(TIME.format(utc(clock.millis))));
			// what autovacuum would otherwise do to the loaded tables during the live run's first minutes
			progress.accept("backfill: VACUUM ANALYZE, as after any bulk load");
			statement.execute("VACUUM ANALYZE");
		}
		return stored;
	}

	/**
	 * Drops the indexes of {@code tables} other than their primary keys and returns the statements that
	 * create them: built once after the load, they cost a fraction of what millions of single inserts into each
	 * cost (the load ran at 26,000 events/s with the window indexes, 50,000 without).
	 */
	private List<String> dropSecondaryIndexes(String... tables) throws SQLException {
		List<String> definitions = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (String table : tables) {
				try (ResultSet indexes = statement.executeQuery("""
						SELECT i.indexrelid::regclass, pg_get_indexdef(i.indexrelid) FROM pg_index i
						WHERE i.indrelid = '%s'::regclass AND NOT i.indisprimary""".formatted(table))) {
					while (indexes.next()) {
						names.add(indexes.getString(1));
						definitions.add(indexes.getString(2));
					}
				}
			}
			for (String name : names) {
				statement.execute("DROP INDEX " + name);
			}
		}
		return definitions;
	}

	private CopyIn copyRaw() throws SQLException {
		return copy("COPY gaming_transactions (transaction_id, member_id, member_name, transaction_type, amount,"
				+ " game_type, transaction_time) FROM STDIN");
	}

	private CopyIn copy(String sql) throws SQLException {
		return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
	}

	private static void flush(CopyIn copy, StringBuilder rows) throws SQLException {
		byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		rows.setLength(0);
	}

	private void writeWindows(Map<Long, Window> windows, long startMillis) throws SQLException {
		if (windows.isEmpty()) {
			return;
		}
		String start = TIME.format(utc(startMillis));
		String end = TIME.format(utc(startMillis + WINDOW_MILLIS));
		StringBuilder rows = new StringBuilder();
		windows.forEach((member, w) -> rows.append(member).append('\t').append(w.name).append('\t').append(start)
			.append('\t').append(end).append('\t').append(w.spend.toPlainString()).append('\t')
			.append(w.winnings.toPlainString()).append('\t').append(w.count).append('\t').append(TIME.format(w.last))
			.append('\n'));
		CopyIn copy = copy("COPY local_stack.member_window (member_id, member_name, window_start, window_end, total_spend,"
				+ " total_winnings, transaction_count, last_transaction) FROM STDIN");
		flush(copy, rows);
		copy.endCopy();
	}

	/** Added to what live ingestion may already have written: the same additive upserts as its own. */
	private void writeTotals(Map<Long, Window> members, Map<String, BigDecimal[]> games) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE backfill_totals (LIKE local_stack.member_totals)");
			StringBuilder rows = new StringBuilder();
			members.forEach((member, w) -> rows.append(member).append('\t').append(w.name).append('\t')
				.append(w.spend.toPlainString()).append('\t').append(w.winnings.toPlainString()).append('\t').append(w.count)
				.append('\t').append(TIME.format(w.last)).append('\n'));
			CopyIn copy = copy("COPY backfill_totals (member_id, member_name, lifetime_spend, lifetime_winnings,"
					+ " lifetime_transactions, last_seen) FROM STDIN");
			flush(copy, rows);
			copy.endCopy();
			statement.execute("""
					INSERT INTO local_stack.member_totals AS m SELECT * FROM backfill_totals
					ON CONFLICT (member_id, member_name) DO UPDATE SET
					  lifetime_spend = m.lifetime_spend + EXCLUDED.lifetime_spend,
					  lifetime_winnings = m.lifetime_winnings + EXCLUDED.lifetime_winnings,
					  lifetime_transactions = m.lifetime_transactions + EXCLUDED.lifetime_transactions,
					  last_seen = GREATEST(m.last_seen, EXCLUDED.last_seen)""");
			statement.execute("DROP TABLE backfill_totals");
			for (var game : games.entrySet()) {
				statement.execute("""
						INSERT INTO local_stack.game_totals AS g VALUES ('%s', %s, %s, %s)
						ON CONFLICT (game_type) DO UPDATE SET bet_count = g.bet_count + EXCLUDED.bet_count,
						  total_wagered = g.total_wagered + EXCLUDED.total_wagered,
						  total_paid_out = g.total_paid_out + EXCLUDED.total_paid_out""".formatted(game.getKey(),
						game.getValue()[0].toPlainString(), game.getValue()[1].toPlainString(),
						game.getValue()[2].toPlainString()));
			}
		}
	}

	private static LocalDateTime utc(long millis) {
		return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
	}

	/** One member's sums in one window, or over the whole backfill. */
	private static final class Window {

		final String name;

		BigDecimal spend = BigDecimal.ZERO;

		BigDecimal winnings = BigDecimal.ZERO;

		long count;

		LocalDateTime last = LocalDateTime.MIN;

		Window(String name) {
			this.name = name;
		}

		void add(TransactionEvent event, boolean bet) {
			if (bet) {
				spend = spend.add(event.amount());
			}
			else {
				winnings = winnings.add(event.amount());
			}
			count++;
			if (event.transactionTime().isAfter(last)) {
				last = event.transactionTime();
			}
		}

	}

	/** The simulator's clock, moved by the backfill: each play is stamped with the backfill's event time. */
	private static final class MutableClock extends Clock {

		long millis;

		MutableClock(long millis) {
			this.millis = millis;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public long millis() {
			return millis;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(millis);
		}

	}

}
