package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.rules.OfferType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.List;

/** The two offer views. */
@Repository
public class OfferRepository {

	private static final String HOTEL = offersOf("hotel_room_offers", "total_spend");

	private static final String DRINK = offersOf("drink_offers", "loss_amount");

	private final JdbcClient jdbc;

	OfferRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Offers of windows starting at or after {@code since}, newest window first. */
	public List<Offer> offersSince(OfferType type, LocalDateTime since) {
		RowMapper<Offer> row = (rs, i) -> new Offer(type, rs.getLong("member_id"), rs.getString("member_name"),
				rs.getBigDecimal("total_spend"), rs.getBigDecimal("net_amount"), rs.getBigDecimal("qualifying_amount"),
				rs.getLong("transaction_count"), rs.getObject("last_transaction", LocalDateTime.class),
				rs.getObject("window_start", LocalDateTime.class), rs.getObject("window_end", LocalDateTime.class));
		return jdbc.sql(type == OfferType.HOTEL ? HOTEL : DRINK).param("since", since).query(row).list();
	}

	/**
	 * The two views have the same columns and differ in the amount that qualifies a member (spend for
	 * the hotel, loss for the drink), which is also what they rank by. Built once, into the constants
	 * above, so the engine checks see both statements as sent.
	 */
	private static String offersOf(String view, String qualifyingAmount) {
		return """
				SELECT member_id, member_name, total_spend, net_amount, %2$s AS qualifying_amount, transaction_count,
				       last_transaction, window_start, window_end
				FROM %1$s
				WHERE window_start >= :since
				ORDER BY window_start DESC, %2$s DESC, member_id""".formatted(view, qualifyingAmount);
	}


}
