package org.casinoloyalty.localstack.ingest;

import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.database.LocalSchema;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes the ingest state in PostgreSQL. A batch's raw rows, its aggregate deltas, the
 * watermarks, the counters, the offsets it read up to and the offers of the windows it closes (the
 * outbox) are written in ONE transaction, so after a crash or a restart ingestion resumes exactly
 * where the committed data ends, and every closed window's offers are on their way.
 */
@Component
class IngestStore {

	private static final String COPY_RAW = """
			COPY gaming_transactions (transaction_id, member_id, member_name, transaction_type, amount, game_type,
			  transaction_time) FROM STDIN""";

	/** A window's row that exists already (alias {@code w}) takes the new totals added to its own. */
	private static final String ADD_TO_WINDOW = """
			ON CONFLICT (member_id, member_name, window_start) DO UPDATE SET
			  total_spend = w.total_spend + EXCLUDED.total_spend,
			  total_winnings = w.total_winnings + EXCLUDED.total_winnings,
			  transaction_count = w.transaction_count + EXCLUDED.transaction_count,
			  last_transaction = GREATEST(w.last_transaction, EXCLUDED.last_transaction)""";

	private static final String UPSERT_WINDOW = """
			INSERT INTO local_stack.open_member_window AS w (member_id, member_name, window_start, window_end, total_spend,
			  total_winnings, transaction_count, last_transaction)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			""" + ADD_TO_WINDOW;

	private static final String UPSERT_GAME = """
			INSERT INTO local_stack.game_totals AS g (game_type, bet_count, total_wagered, total_paid_out)
			VALUES (?, ?, ?, ?)
			ON CONFLICT (game_type) DO UPDATE SET
			  bet_count = g.bet_count + EXCLUDED.bet_count,
			  total_wagered = g.total_wagered + EXCLUDED.total_wagered,
			  total_paid_out = g.total_paid_out + EXCLUDED.total_paid_out""";

	private static final String UPSERT_MEMBER = """
			INSERT INTO local_stack.member_totals AS m (member_id, member_name, lifetime_spend, lifetime_winnings,
			  lifetime_transactions, last_seen)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (member_id, member_name) DO UPDATE SET
			  lifetime_spend = m.lifetime_spend + EXCLUDED.lifetime_spend,
			  lifetime_winnings = m.lifetime_winnings + EXCLUDED.lifetime_winnings,
			  lifetime_transactions = m.lifetime_transactions + EXCLUDED.lifetime_transactions,
			  last_seen = GREATEST(m.last_seen, EXCLUDED.last_seen)""";

	private static final String UPDATE_STATE = """
			UPDATE local_stack.ingest_state SET watermark = ?, ingested = ?, late_dropped = ?, dead_lettered = ?""";

	private static final String UPSERT_OFFSET = """
			INSERT INTO local_stack.partition_offsets (topic, partition, next_offset, watermark) VALUES (?, ?, ?, ?)
			ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset, watermark = EXCLUDED.watermark""";

	/**
	 * The windows the watermark has passed, from the open windows to the closed ones (local-schema.sql), in
	 * index order. A window only the batch's own records reach can be closed already (a partition read for the
	 * first time has no watermark yet): its totals add up as they would in one table.
	 */
	private static final String MOVE_CLOSED_WINDOWS = """
			WITH closed AS (DELETE FROM local_stack.open_member_window WHERE window_end <= ? RETURNING *)
			INSERT INTO local_stack.member_window AS w SELECT * FROM closed ORDER BY window_start, member_id
			""" + ADD_TO_WINDOW;

	/** The offers of the windows this batch closes, into the outbox (local-schema.sql, D20). */
	private static final String RECORD_CLOSED_OFFERS = "SELECT local_stack.outbox_closed_offers(?)";

	/** A record of this batch that cannot be parsed, into the outbox for the dead-letter topic (D21). */
	private static final String RECORD_DEAD_LETTER = """
			INSERT INTO local_stack.outbox (topic, record_key, payload, header_names, header_values) VALUES (?, ?, ?, ?, ?)""";

	private final DataSource dataSource;

	private final String topic;

	private final String deadLetterTopic;

	/** Takes the schema so that it is applied before the first read. */
	IngestStore(DataSource dataSource, LocalSchema schema, LocalStackProperties properties) {
		this.dataSource = dataSource;
		this.topic = properties.kafka().topic();
		this.deadLetterTopic = properties.kafka().deadLetterTopic();
	}

	IngestState load() {
		try (Connection connection = dataSource.getConnection()) {
			Map<Integer, Long> offsets = new HashMap<>();
			Map<Integer, LocalDateTime> watermarks = new HashMap<>();
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT partition, next_offset, watermark FROM local_stack.partition_offsets WHERE topic = ?")) {
				select.setString(1, topic);
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						offsets.put(rows.getInt(1), rows.getLong(2));
						LocalDateTime watermark = rows.getObject(3, LocalDateTime.class);
						if (watermark != null) {
							watermarks.put(rows.getInt(1), watermark);
						}
					}
				}
			}
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT watermark, ingested, late_dropped, dead_lettered FROM local_stack.ingest_state");
					ResultSet row = select.executeQuery()) {
				row.next();
				return new IngestState(offsets, watermarks, row.getObject(1, LocalDateTime.class), row.getLong(2),
						row.getLong(3), row.getLong(4));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the ingest state from PostgreSQL", ex);
		}
	}

	void write(IngestBatch batch) {
		IngestState after = batch.after();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				copyRaw(connection, batch);
				upsertAggregates(connection, batch);
				recordDeadLetters(connection, batch);
				updateState(connection, after);
				moveClosedWindows(connection, after.watermark());
				if (batch.closesWindows()) {
					recordClosedOffers(connection, batch.watermarkBefore());
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store a batch of " + batch.records() + " records", ex);
		}
	}

	private static void copyRaw(Connection connection, IngestBatch batch) throws SQLException {
		if (batch.transactions().isEmpty()) {
			return;
		}
		StringBuilder rows = new StringBuilder(batch.transactions().size() * 100);
		for (Transaction t : batch.transactions()) {
			CopyText.field(rows, t.transactionId()).append('\t');
			CopyText.field(rows, t.memberId()).append('\t');
			CopyText.field(rows, t.memberName()).append('\t');
			CopyText.field(rows, t.type()).append('\t');
			CopyText.field(rows, t.amount() == null ? null : t.amount().toPlainString()).append('\t');
			CopyText.field(rows, t.gameType()).append('\t');
			CopyText.field(rows, t.time()).append('\n');
		}
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_RAW, new StringReader(rows.toString()));
		}
		catch (java.io.IOException ex) {
			throw new SQLException("COPY into gaming_transactions failed", ex);
		}
	}

	private static void upsertAggregates(Connection connection, IngestBatch batch) throws SQLException {
		upsertEach(connection, UPSERT_WINDOW, batch.windows(), (upsert, window, totals) -> {
			upsert.setLong(1, window.memberId());
			upsert.setString(2, window.memberName());
			upsert.setObject(3, window.windowStart());
			upsert.setObject(4, window.windowEnd());
			setTotals(upsert, 5, totals);
		});
		upsertEach(connection, UPSERT_GAME, batch.games(), (upsert, game, totals) -> {
			upsert.setString(1, game);
			upsert.setLong(2, totals.bets());
			upsert.setBigDecimal(3, totals.spend());
			upsert.setBigDecimal(4, totals.winnings());
		});
		upsertEach(connection, UPSERT_MEMBER, batch.members(), (upsert, member, totals) -> {
			upsert.setLong(1, member.memberId());
			upsert.setString(2, member.memberName());
			setTotals(upsert, 3, totals);
		});
	}

	/** Spend, winnings, transactions and last time, in that order from parameter {@code first} on. */
	private static void setTotals(PreparedStatement upsert, int first, Totals totals) throws SQLException {
		upsert.setBigDecimal(first, totals.spend());
		upsert.setBigDecimal(first + 1, totals.winnings());
		upsert.setLong(first + 2, totals.transactions());
		upsert.setObject(first + 3, totals.last());
	}

	private void recordDeadLetters(Connection connection, IngestBatch batch) throws SQLException {
		if (batch.deadLetters().isEmpty()) {
			return;
		}
		try (PreparedStatement insert = connection.prepareStatement(RECORD_DEAD_LETTER)) {
			for (DeadLetter deadLetter : batch.deadLetters()) {
				insert.setString(1, deadLetterTopic);
				insert.setBytes(2, deadLetter.key());
				insert.setBytes(3, deadLetter.value());
				insert.setArray(4, connection.createArrayOf("text", deadLetter.headerNames().toArray()));
				insert.setArray(5, connection.createArrayOf("bytea", deadLetter.headerValues().toArray(byte[][]::new)));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private void updateState(Connection connection, IngestState after) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(UPDATE_STATE)) {
			update.setObject(1, after.watermark());
			update.setLong(2, after.ingested());
			update.setLong(3, after.lateDropped());
			update.setLong(4, after.deadLettered());
			update.executeUpdate();
		}
		upsertEach(connection, UPSERT_OFFSET, after.nextOffsets(), (upsert, partition, nextOffset) -> {
			upsert.setString(1, topic);
			upsert.setInt(2, partition);
			upsert.setLong(3, nextOffset);
			upsert.setObject(4, after.partitionWatermarks().get(partition));
		});
	}

	private static void moveClosedWindows(Connection connection, LocalDateTime watermark) throws SQLException {
		if (watermark == null) {
			return;
		}
		try (PreparedStatement move = connection.prepareStatement(MOVE_CLOSED_WINDOWS)) {
			move.setObject(1, watermark);
			move.executeUpdate();
		}
	}

	private static void recordClosedOffers(Connection connection, LocalDateTime watermarkBefore) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(RECORD_CLOSED_OFFERS)) {
			insert.setObject(1, watermarkBefore, Types.TIMESTAMP);
			insert.execute();
		}
	}

	/** One batched execution of {@code sql}, a row for each entry of {@code rows}. */
	private static <K, V> void upsertEach(Connection connection, String sql, Map<K, V> rows, RowParameters<K, V> parameters)
			throws SQLException {
		try (PreparedStatement upsert = connection.prepareStatement(sql)) {
			for (var entry : rows.entrySet()) {
				parameters.set(upsert, entry.getKey(), entry.getValue());
				upsert.addBatch();
			}
			upsert.executeBatch();
		}
	}

	@FunctionalInterface
	private interface RowParameters<K, V> {

		void set(PreparedStatement statement, K key, V value) throws SQLException;

	}

	/** PostgreSQL's COPY text format: tab-separated, {@code \N} for NULL, backslash escapes. */
	private static final class CopyText {

		static StringBuilder field(StringBuilder out, Object value) {
			if (value == null) {
				return out.append("\\N");
			}
			String text = value.toString();
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				switch (c) {
					case '\\' -> out.append("\\\\");
					case '\t' -> out.append("\\t");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					default -> out.append(c);
				}
			}
			return out;
		}

	}

}
