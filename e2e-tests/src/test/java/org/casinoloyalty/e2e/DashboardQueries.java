package org.casinoloyalty.e2e;

import org.casinoloyalty.dashboard.sql.EngineStatement;
import org.casinoloyalty.dashboard.sql.EngineStatements;
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

	/** The catalogue's reads; writes change data and are not measured. */
	public static List<EngineStatement> all() {
		return EngineStatements.all().stream().filter(EngineStatement::isQuery).toList();
	}

	/**
	 * The arguments of {@code query}, by parameter name, with the dashboard's defaults applied to the data present:
	 * a {@code :since} or {@code :from} compared with a timestamp is two hours of event time before the latest event
	 * ({@code casino.dashboard.live.history}); one compared with a date is the latest event's day minus six
	 * (seven business days, {@code casino.dashboard.redemption.history-days}); a read-back is member 1001's
	 * hotel offer on the latest event's day; a window is the last closed one, a search finds everyone, and the hotel
 * rule's default threshold is 5,000. The type of each parameter is the one PostgreSQL infers for it.
	 *
	 * @throws IllegalStateException for a parameter name this class has no value for
	 */
	public static Map<String, Object> arguments(DataSource dataSource, EngineStatement query) {
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
			case "windowStart" -> lastClosedWindowStart(latest);
			case "from" -> latest.minusHours(2);
			case "until" -> LocalDateTime.of(9999, 12, 31, 0, 0);
			case "threshold" -> new BigDecimal("5000");
			case "search" -> "";
			case "namePattern" -> "%";
			default -> throw new IllegalStateException(query.name() + ": no argument for :" + name
					+ " in e2e-tests' DashboardQueries.arguments");
		}));
		return arguments;
	}

	/** The window before the latest event's: the last one the engine has closed, whose offers the tabs page. */
	private static LocalDateTime lastClosedWindowStart(LocalDateTime latest) {
		LocalDateTime open = latest.truncatedTo(ChronoUnit.HOURS).plusMinutes(latest.getMinute() / 5 * 5L);
		return open.minusMinutes(5);
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
