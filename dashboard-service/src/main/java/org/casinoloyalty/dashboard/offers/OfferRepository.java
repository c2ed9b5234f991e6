package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.redemption.Redemption;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.sql.PagedQuery;
import org.casinoloyalty.dashboard.sql.PagedQuery.Sort;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two offer views, each offer with the redemption that decides its status (design §5): the
 * redemption of this very window, else one of the same type on the business date (the one-per-day
 * rule). The engine joins them, so a page of offers costs one statement whatever the number of offers.
 * The views have the same columns and differ in the amount that qualifies a member (spend for the
 * hotel, loss for the drink), which is also what they rank by.
 */
@Repository
class OfferRepository {

	/** Declared before the statements that use it: static fields initialise in order. */
	private static final Map<String, String> OFFER_ORDERS = Map.of("memberId", "p.member_id", "memberName",
			"p.member_name", "qualifyingAmount", "p.qualifying_amount", "transactionCount", "p.transaction_count",
			"lastTransaction", "p.last_transaction", "windowStart", "p.window_start");

	static final PagedQuery HOTEL_WINDOW = oneWindow(OfferType.HOTEL);

	static final PagedQuery DRINK_WINDOW = oneWindow(OfferType.DRINK);

	static final PagedQuery HOTEL_WINDOW_PENDING = windowPending(OfferType.HOTEL);

	static final PagedQuery DRINK_WINDOW_PENDING = windowPending(OfferType.DRINK);

	static final String HOTEL_OFFER_COUNT = "SELECT count(*) FROM hotel_room_offers WHERE window_start = :windowStart";

	static final String DRINK_OFFER_COUNT = "SELECT count(*) FROM drink_offers WHERE window_start = :windowStart";

	static final String HOTEL_REDEEMED = redeemedPerWindow(OfferType.HOTEL);

	static final String DRINK_REDEEMED = redeemedPerWindow(OfferType.DRINK);

	static final String HOTEL_LIMITED = limitedPerWindow(OfferType.HOTEL);

	static final String DRINK_LIMITED = limitedPerWindow(OfferType.DRINK);

	static final PagedQuery HOTEL_ON_TRACK = onTrack(OfferType.HOTEL);

	static final PagedQuery DRINK_ON_TRACK = onTrack(OfferType.DRINK);

	static final String HOTEL_ON_TRACK_COUNT = onTrackCount(OfferType.HOTEL);

	static final String DRINK_ON_TRACK_COUNT = onTrackCount(OfferType.DRINK);

	private final JdbcClient jdbc;

	OfferRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The offers of the window starting at {@code windowStart}; {@code sort} null: highest amount first. */
	List<OfferBoard.Line> window(OfferType type, LocalDateTime windowStart, LocalDate businessDate,
			MemberSearch search, Sort sort, int offset, int limit) {
		PagedQuery query = type == OfferType.HOTEL ? HOTEL_WINDOW : DRINK_WINDOW;
		return jdbc.sql(query.sql(search, sort, offset, limit)).params(search.parameters())
			.param("windowStart", windowStart)
			.param("businessDate", businessDate)
			.query(line(type))
			.list();
	}

	/**
	 * The offers of one type awaiting redemption in one window, highest amount first; for a search, those of
	 * the members it finds ({@link MemberSearch#foundMembersJoin}).
	 */
	List<OfferBoard.Line> windowPending(OfferType type, LocalDateTime windowStart, LocalDate businessDate,
			MemberSearch search, int offset, int limit) {
		PagedQuery query = type == OfferType.HOTEL ? HOTEL_WINDOW_PENDING : DRINK_WINDOW_PENDING;
		return jdbc.sql(query.sql(search, null, offset, limit)).params(search.parameters())
			.param("windowStart", windowStart)
			.param("businessDate", businessDate)
			.query(line(type))
			.list();
	}

	/** How many offers the closed window starting at {@code windowStart} earned under the rule in force. */
	long offerCount(OfferType type, LocalDateTime windowStart) {
		return jdbc.sql(type == OfferType.HOTEL ? HOTEL_OFFER_COUNT : DRINK_OFFER_COUNT)
			.param("windowStart", windowStart)
			.query(Long.class)
			.single();
	}

	/** Per window starting at or after {@code since}: its redeemed offers, read from the redemptions, which are few. */
	Map<LocalDateTime, Long> redeemedPerWindow(OfferType type, LocalDateTime since) {
		return perWindow(jdbc.sql(type == OfferType.HOTEL ? HOTEL_REDEEMED : DRINK_REDEEMED).param("since", since));
	}

	/**
	 * Per window starting at or after {@code since}: its offers not redeemed whose member redeemed an offer of
	 * this type on {@code businessDate} for another window (the one-per-day rule).
	 */
	Map<LocalDateTime, Long> limitedPerWindow(OfferType type, LocalDateTime since, LocalDate businessDate) {
		return perWindow(jdbc.sql(type == OfferType.HOTEL ? HOTEL_LIMITED : DRINK_LIMITED)
			.param("since", since)
			.param("businessDate", businessDate));
	}

	private static Map<LocalDateTime, Long> perWindow(JdbcClient.StatementSpec statement) {
		Map<LocalDateTime, Long> counts = new HashMap<>();
		statement.query((rs, i) -> counts.put(time(rs, "window_start"), rs.getLong("offers"))).list();
		return counts;
	}

	/** Members of the window starting at {@code windowStart} by spend (hotel) or loss (drink) so far. */
	List<OnTrackMember> onTrack(OfferType type, LocalDateTime windowStart, MemberSearch search, Sort sort,
			int offset, int limit) {
		return jdbc.sql((type == OfferType.HOTEL ? HOTEL_ON_TRACK : DRINK_ON_TRACK).sql(search, sort, offset, limit))
			.params(search.parameters())
			.param("windowStart", windowStart)
			.query(OnTrackMember.class)
			.list();
	}

	/** How many members play in the window, and how many of them are at or above {@code threshold}. */
	OnTrackCount onTrackCount(OfferType type, LocalDateTime windowStart, BigDecimal threshold) {
		return jdbc.sql(type == OfferType.HOTEL ? HOTEL_ON_TRACK_COUNT : DRINK_ON_TRACK_COUNT)
			.param("windowStart", windowStart)
			.param("threshold", threshold)
			.query(OnTrackCount.class)
			.single();
	}

	private static RowMapper<OfferBoard.Line> line(OfferType type) {
		return (rs, i) -> {
			Offer offer = new Offer(type, rs.getLong("member_id"), rs.getString("member_name"),
					rs.getBigDecimal("total_spend"), rs.getBigDecimal("net_amount"), rs.getBigDecimal("qualifying_amount"),
					rs.getLong("transaction_count"), time(rs, "last_transaction"), time(rs, "window_start"),
					time(rs, "window_end"));
			if (rs.getObject("redeemed_at") != null) {
				return new OfferBoard.Line(offer, OfferStatus.REDEEMED, new Redemption(offer.memberId(), offer.memberName(),
						type, rs.getObject("redemption_date", LocalDate.class), offer.windowStart(), offer.windowEnd(),
						time(rs, "redeemed_at"), rs.getString("redeemed_by")));
			}
			if (rs.getObject("today_redeemed_at") != null) {
				return new OfferBoard.Line(offer, OfferStatus.DAILY_LIMIT_REACHED, new Redemption(offer.memberId(),
						offer.memberName(), type, rs.getObject("today_date", LocalDate.class), time(rs, "today_window_start"),
						time(rs, "today_window_end"), time(rs, "today_redeemed_at"), rs.getString("today_redeemed_by")));
			}
			return new OfferBoard.Line(offer, OfferStatus.PENDING, null);
		};
	}

	private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDateTime.class);
	}

	/**
	 * Every offer of one view with its deciding redemptions, as the derived table {@code p}. Built once,
	 * into the constants above, so the engine checks see each statement as sent. Each statement keeps one
	 * window, by an equality, which PostgreSQL carries across the join to the redemptions of that window.
	 */
	private static String withStatus(OfferType type) {
		String view = view(type);
		String qualifying = type == OfferType.HOTEL ? "total_spend" : "loss_amount";
		return """
				SELECT '%3$s' AS offer_type, o.member_id, o.member_name, o.total_spend, o.net_amount,
				       o.%2$s AS qualifying_amount, o.transaction_count, o.last_transaction, o.window_start, o.window_end,
				       r.redemption_date, r.redeemed_at, r.redeemed_by,
				       t.redemption_date AS today_date, t.window_start AS today_window_start,
				       t.window_end AS today_window_end, t.redeemed_at AS today_redeemed_at, t.redeemed_by AS today_redeemed_by
				FROM %1$s o
				LEFT JOIN redeemed_offers r
				       ON r.member_id = o.member_id AND r.offer_type = '%3$s' AND r.window_start = o.window_start
				LEFT JOIN redeemed_offers t
				       ON t.member_id = o.member_id AND t.offer_type = '%3$s' AND t.redemption_date = :businessDate""".formatted(
				view, qualifying, type.key());
	}

	private static PagedQuery oneWindow(OfferType type) {
		return new PagedQuery("""
				SELECT * FROM (
				%s
				%s
				) p
				WHERE p.window_start = :windowStart""".formatted(withStatus(type), PagedQuery.FOUND_MEMBERS),
				OFFER_ORDERS, new Sort("qualifyingAmount", true), "p.member_id", "o");
	}

	/**
	 * One type a statement: the index on the view's amount then yields the first rows, where a union of both types
	 * sorted every offer of the window (80 ms for a window of 20,000 members); {@link OfferRows} merges the two.
	 */
	private static PagedQuery windowPending(OfferType type) {
		return new PagedQuery("""
				SELECT * FROM (
				%s
				%s
				) p
				WHERE p.redeemed_at IS NULL AND p.today_redeemed_at IS NULL AND p.window_start = :windowStart""".formatted(
				withStatus(type), PagedQuery.FOUND_MEMBERS),
				Map.of("qualifyingAmount", "p.qualifying_amount"), new Sort("qualifyingAmount", true), "p.member_id", "o");
	}

	private static String redeemedPerWindow(OfferType type) {
		return """
				SELECT o.window_start, count(*) AS offers
				FROM redeemed_offers r
				JOIN %1$s o ON o.member_id = r.member_id AND o.window_start = r.window_start
				WHERE r.offer_type = '%2$s' AND r.window_start >= :since
				GROUP BY o.window_start""".formatted(view(type), type.key());
	}

	private static String limitedPerWindow(OfferType type) {
		return """
				SELECT o.window_start, count(*) AS offers
				FROM redeemed_offers t
				JOIN %1$s o ON o.member_id = t.member_id AND o.window_start >= :since AND o.window_start <> t.window_start
				LEFT JOIN redeemed_offers r
				       ON r.member_id = o.member_id AND r.offer_type = '%2$s' AND r.window_start = o.window_start
				      AND r.window_start >= :since
				WHERE t.offer_type = '%2$s' AND t.redemption_date = :businessDate AND r.member_id IS NULL
				GROUP BY o.window_start""".formatted(view(type), type.key());
	}

	private static String view(OfferType type) {
		return type == OfferType.HOTEL ? "hotel_room_offers" : "drink_offers";
	}

	/** The spend (hotel) or loss (drink) so far as shown, of the rows {@code l}: a loss is the negated net, never below 0. */
	private static String amount(OfferType type) {
		return type == OfferType.HOTEL ? "l.total_spend" : "CASE WHEN l.net_amount < 0 THEN -l.net_amount ELSE 0 END";
	}

	/**
	 * The amount the offer view compares with the threshold, as the view does (a negative loss included), and
	 * the order of the amount: local-stack's indexes on a window's spend and loss serve both.
	 */
	private static String ruleAmount(OfferType type, String prefix) {
		return type == OfferType.HOTEL ? prefix + "total_spend" : "-" + prefix + "net_amount";
	}

	private static PagedQuery onTrack(OfferType type) {
		return new PagedQuery("""
				SELECT l.member_id, l.member_name, %s AS amount, l.transaction_count, l.last_transaction
				FROM member_window_live l
				%s
				WHERE l.window_start = :windowStart""".formatted(amount(type), PagedQuery.FOUND_MEMBERS),
				Map.of("memberId", "l.member_id", "memberName", "l.member_name", "amount", ruleAmount(type, "l."),
						"transactionCount", "l.transaction_count"),
				new Sort("amount", true), "l.member_id", "l");
	}

	/**
	 * Two counts rather than one pass that tests every row: the members at the threshold are a range of
	 * local-stack's index on the window's amount, and the pass computed the amount of each of a window's 20,000
	 * rows (15 ms for the drink's loss under load, against 10 ms for both counts).
	 */
	private static String onTrackCount(OfferType type) {
		return """
				SELECT (SELECT count(*) FROM member_window_live WHERE window_start = :windowStart) AS members,
				       (SELECT count(*) FROM member_window_live WHERE window_start = :windowStart AND %s >= :threshold)
				         AS qualifying""".formatted(ruleAmount(type, ""));
	}

}
