package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.rules.OfferType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

/** The two offer views. */
@Repository
public class OfferRepository {

	private static final String HOTEL = """
			SELECT member_id, member_name, total_spend, net_amount, total_spend AS qualifying_amount, transaction_count,
			       last_transaction, window_start, window_end
			FROM hotel_room_offers
			WHERE window_start >= :since
			ORDER BY window_start DESC, total_spend DESC, member_id""";

	private static final String DRINK = """
			SELECT member_id, member_name, total_spend, net_amount, loss_amount AS qualifying_amount, transaction_count,
			       last_transaction, window_start, window_end
			FROM drink_offers
			WHERE window_start >= :since
			ORDER BY window_start DESC, loss_amount DESC, member_id""";

	private final JdbcClient jdbc;

	OfferRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Offers of windows starting at or after {@code since}, newest window first. */
	public List<Offer> offersSince(OfferType type, LocalDateTime since) {
		RowMapper<Offer> row = (rs, i) -> new Offer(type, rs.getLong("member_id"), rs.getString("member_name"),
				rs.getBigDecimal("total_spend"), rs.getBigDecimal("net_amount"), rs.getBigDecimal("qualifying_amount"),
				rs.getLong("transaction_count"), local(rs.getTimestamp("last_transaction")),
				local(rs.getTimestamp("window_start")), local(rs.getTimestamp("window_end")));
		return jdbc.sql(type == OfferType.HOTEL ? HOTEL : DRINK).param("since", since).query(row).list();
	}

	private static LocalDateTime local(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toLocalDateTime();
	}

}
