package org.casinoloyalty.dashboard.redemption;

import org.casinoloyalty.dashboard.sql.EngineDialect;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.springframework.dao.DuplicateKeyException;
import org.casinoloyalty.dashboard.sql.ReadableRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * {@code redeemed_offers}. The insert lists all eight columns (RisingWave requires it) and has no
 * {@code ON CONFLICT} clause (RisingWave has none): a duplicate key is dropped by the table's
 * {@code ON CONFLICT DO NOTHING} on RisingWave and by local-stack; a plain PostgreSQL primary key
 * raises SQLState 23505 instead, which means the same thing: this insert did not win.
 */
@Repository
class RedemptionRepository {

	private static final String INSERT = """
			INSERT INTO redeemed_offers (member_id, member_name, offer_type, redemption_date, window_start, window_end,
			                             redeemed_at, redeemed_by)
			VALUES (:memberId, :memberName, :offerType, :redemptionDate, :windowStart, :windowEnd, :redeemedAt, :redeemedBy)""";

	private static final String FIND = """
			SELECT member_id, member_name, offer_type, redemption_date, window_start, window_end, redeemed_at, redeemed_by
			FROM redeemed_offers
			WHERE member_id = :memberId AND offer_type = :offerType AND redemption_date = :redemptionDate""";

	private static final String SINCE = """
			SELECT member_id, member_name, offer_type, redemption_date, window_start, window_end, redeemed_at, redeemed_by
			FROM redeemed_offers
			WHERE redemption_date >= :since
			ORDER BY redeemed_at DESC""";

	private static final RowMapper<Redemption> ROW = (rs, row) -> new Redemption(rs.getLong("member_id"),
			rs.getString("member_name"), OfferType.fromKey(rs.getString("offer_type")),
			rs.getObject("redemption_date", LocalDate.class), rs.getObject("window_start", LocalDateTime.class),
			rs.getObject("window_end", LocalDateTime.class), rs.getObject("redeemed_at", LocalDateTime.class),
			rs.getString("redeemed_by"));

	private final JdbcClient jdbc;

	private final EngineDialect dialect;

	RedemptionRepository(JdbcClient jdbc, EngineDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * Inserts unless the key exists; afterwards the row (whoever wrote it) is visible to every session.
	 * @throws org.casinoloyalty.dashboard.sql.UnconfirmedWriteException when the insert was sent but not made visible
	 */
	void insertIfAbsent(Redemption redemption) {
		try {
			jdbc.sql(INSERT)
				.param("memberId", redemption.memberId())
				.param("memberName", redemption.memberName())
				.param("offerType", redemption.offerType().key())
				.param("redemptionDate", redemption.redemptionDate())
				.param("windowStart", redemption.windowStart())
				.param("windowEnd", redemption.windowEnd())
				.param("redeemedAt", redemption.redeemedAt())
				.param("redeemedBy", redemption.redeemedBy())
				.update();
		}
		catch (DuplicateKeyException alreadyThere) {
			// Lost the race on an engine that reports the conflict; the read-back tells who won.
		}
		dialect.makeWritesVisible();
	}

	Optional<Redemption> find(long memberId, OfferType type, LocalDate redemptionDate) {
		return jdbc.sql(FIND)
			.param("memberId", memberId)
			.param("offerType", type.key())
			.param("redemptionDate", redemptionDate)
			.query(ROW)
			.optional();
	}

	List<Redemption> since(LocalDate since) {
		return ReadableRows.of(jdbc.sql(SINCE).param("since", since).query(ReadableRows.skipping("redeemed_offers", ROW)).list());
	}

}
