package org.casinoloyalty.dashboard.audit;

import org.casinoloyalty.dashboard.sql.EngineDialect;
import org.casinoloyalty.dashboard.sql.ReadableRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code staff_actions}, an append-only table on both engines (RisingWave refuses UPDATE and DELETE
 * on it, local-stack's trigger does the same), so the trail can only grow.
 */
@Repository
class StaffActionRepository {

	private static final String INSERT = """
			INSERT INTO staff_actions (acted_at, staff_user, staff_role, action, target, value_before, value_after)
			VALUES (:actedAt, :staffUser, :staffRole, :action, :target, :valueBefore, :valueAfter)""";

	/** The most rows one read returns; the view's filters narrow them in memory. */
	static final int MAX_ROWS = 5000;

	// LIMIT is a literal: RisingWave folds it when it parses (no bind parameter there).
	private static final String SINCE = """
			SELECT acted_at, staff_user, staff_role, action, target, value_before, value_after
			FROM staff_actions
			WHERE acted_at >= :since
			ORDER BY acted_at DESC
			LIMIT\s""" + MAX_ROWS;

	private static final RowMapper<StaffAction> ROW = (rs, row) -> new StaffAction(
			rs.getObject("acted_at", LocalDateTime.class), rs.getString("staff_user"), rs.getString("staff_role"),
			AuditAction.fromKey(rs.getString("action")), rs.getString("target"), rs.getString("value_before"),
			rs.getString("value_after"));

	private final JdbcClient jdbc;

	private final EngineDialect dialect;

	StaffActionRepository(JdbcClient jdbc, EngineDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	void insert(StaffAction action) {
		jdbc.sql(INSERT)
			.param("actedAt", action.actedAt())
			.param("staffUser", action.staffUser())
			// Typed, so a null is sent as a VARCHAR and not as a parameter of unknown type.
			.param("staffRole", action.staffRole(), Types.VARCHAR)
			.param("action", action.action().key())
			.param("target", action.target())
			.param("valueBefore", action.valueBefore(), Types.VARCHAR)
			.param("valueAfter", action.valueAfter(), Types.VARCHAR)
			.update();
		dialect.makeWritesVisible();
	}

	List<StaffAction> since(LocalDateTime since) {
		return ReadableRows.of(jdbc.sql(SINCE).param("since", since).query(ReadableRows.skipping("staff_actions", ROW)).list());
	}

}
