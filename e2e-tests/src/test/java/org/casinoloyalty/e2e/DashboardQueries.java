package org.casinoloyalty.e2e;

import org.casinoloyalty.dashboard.sql.EngineStatement;
import org.casinoloyalty.dashboard.sql.EngineStatements;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's queries, from its own catalogue ({@link EngineStatements}: every {@code static final String} of
 * each {@code @Repository}), so a new query is measured and checked without being listed here; and arguments
 * that fit the data present, with the dashboard's defaults.
 */
public final class DashboardQueries {

	/** Arguments for the member and offer of a read-back: member 1001's hotel offer. */
	private static final long MEMBER_ID = 1001L;

	private static final String OFFER_TYPE = "hotel";

	private DashboardQueries() {
	}

	/** What the benchmarks and plan checks search for: part of a name about 1 in 64 members have, and an id. */
	public static final List<MemberSearch> SEARCHES = List.of(new MemberSearch("chen"), new MemberSearch("1001"));

	/** The catalogue's reads; writes change data and are not measured. */
	public static List<EngineStatement> all() {
		return EngineStatements.all().stream().filter(EngineStatement::isQuery).toList();
	}

	/** The window a {@code :windowStart} names: the last one closed, or the open one, where play goes on. */
	public enum Window {
		LAST_CLOSED, OPEN
	}

	/** A query as the dashboard sends it: for everyone or with a search, on one of the windows if it takes one. */
	public record SentQuery(EngineStatement query, MemberSearch search, Window window) {

		/** The query's name, the search unless everyone, the open window: {@code Repo.FIELD[order] {search "chen"} @open}. */
		public String name() {
			return query.name() + (search.everyone() ? "" : " {search \"" + search.text() + "\"}")
					+ (window == Window.OPEN ? " @open" : "");
		}

		public Map<String, Object> arguments(DataSource dataSource) {
			return DashboardQueries.arguments(dataSource, query, search, window);
		}

	}

	/**
	 * Every read as the dashboard sends it: for everyone unless it is sent only with a search, and with each of
	 * {@link #SEARCHES} if it takes one; on the last closed window and on the open one if it takes a window.
	 */
	public static List<SentQuery> sent() {
		List<SentQuery> sent = new ArrayList<>();
		for (EngineStatement query : all()) {
			List<MemberSearch> searches = new ArrayList<>();
			if (!query.searchOnly()) {
				searches.add(MemberSearch.EVERYONE);
			}
			if (query.sql().contains(":searchKind")) {
				searches.addAll(SEARCHES);
			}
			for (MemberSearch search : searches) {
				windows(query).forEach(window -> sent.add(new SentQuery(query, search, window)));
			}
		}
		return sent;
	}

	/**
	 * The windows the dashboard asks {@code query} about: members on track are those of the open window; offers
	 * exist for closed windows only (the offer views read {@code member_daily_summary}); the members grid shows
	 * any window.
	 */
	private static List<Window> windows(EngineStatement query) {
		if (!query.sql().contains(":windowStart")) {
			return List.of(Window.LAST_CLOSED);
		}
		if (query.name().contains("_ON_TRACK")) {
			return List.of(Window.OPEN);
		}
		if (query.sql().contains("hotel_room_offers") || query.sql().contains("drink_offers")) {
			return List.of(Window.LAST_CLOSED);
		}
		return List.of(Window.values());
	}

	/** The arguments of {@code query} for everyone, or for the first of {@link #SEARCHES} if it is sent only with one. */
	public static Map<String, Object> arguments(DataSource dataSource, EngineStatement query) {
		return arguments(dataSource, query, query.searchOnly() ? SEARCHES.getFirst() : MemberSearch.EVERYONE,
				Window.LAST_CLOSED);
	}

	/**
	 * The arguments of {@code query}, by parameter name, with the dashboard's defaults applied to the data present:
	 * a {@code :since} compared with a timestamp is two hours of event time before the latest event
	 * ({@code casino.dashboard.live.history}); one compared with a date is the latest event's day minus six
	 * (seven business days, {@code casino.dashboard.redemption.history-days}); a read-back is member 1001's
	 * hotel offer on the latest event's day; a window is {@code window}, the hotel rule's threshold is its
	 * default 5,000, and a search is {@code search}. The type of each parameter is the one PostgreSQL infers for it.
	 *
	 * @throws IllegalStateException for a parameter name this class has no value for
	 */
	public static Map<String, Object> arguments(DataSource dataSource, EngineStatement query, MemberSearch search,
			Window window) {
		LocalDateTime latest = JdbcClient.create(dataSource)
			.sql("SELECT coalesce(max(last_transaction), TIMESTAMP '1970-01-01') FROM member_window_live")
			.query(LocalDateTime.class)
			.single();
		LocalDate day = latest.toLocalDate();
		Map<String, Object> arguments = new LinkedHashMap<>();
		parameterTypes(dataSource, query).forEach((name, type) -> arguments.put(name, switch (name) {
			case "since" -> type.equals("date") ? day.minusDays(6) : latest.minusHours(2);
			case "memberId" -> MEMBER_ID;
			case "offerType" -> OFFER_TYPE;
			case "redemptionDate", "businessDate" -> day;
			case "windowStart" -> window == Window.OPEN ? openWindowStart(latest) : openWindowStart(latest).minusMinutes(5);
			case "threshold" -> new BigDecimal("5000");
			case "searchKind", "searchId", "namePattern" -> search.parameters().get(name);
			default -> throw new IllegalStateException(query.name() + ": no argument for :" + name
					+ " in e2e-tests' DashboardQueries.arguments");
		}));
		return arguments;
	}

	/** The window of the latest event; the one before it is the last the engine has closed, whose offers the tabs page. */
	private static LocalDateTime openWindowStart(LocalDateTime latest) {
		return latest.truncatedTo(ChronoUnit.HOURS).plusMinutes(latest.getMinute() / 5 * 5L);
	}

	/** Parameter name to the type name PostgreSQL infers for it ({@code timestamp}, {@code date}, …). */
	private static Map<String, String> parameterTypes(DataSource dataSource, EngineStatement query) {
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(query.sql());
		List<SqlParameter> parameters = NamedParameterUtils.buildSqlParameterList(parsed, new MapSqlParameterSource());
		Map<String, String> types = new LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement(NamedParameterUtils.substituteNamedParameters(parsed, null))) {
			ParameterMetaData metaData = statement.getParameterMetaData();
			for (int i = 0; i < parameters.size(); i++) {
				types.putIfAbsent(parameters.get(i).getName(), metaData.getParameterTypeName(i + 1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(query.name() + ": cannot describe its parameters", ex);
		}
		return types;
	}

}
