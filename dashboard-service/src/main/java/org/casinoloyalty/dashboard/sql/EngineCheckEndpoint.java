package org.casinoloyalty.dashboard.sql;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /actuator/enginecheck}, behind {@code make check}: runs every query of
 * {@link EngineStatements} once against the engine, over the dashboard's own pool and driver
 * settings, and names each one that fails, so an engine incompatibility shows in one command
 * instead of as an outage banner. Writes are listed, not run: a check must not change data.
 * Answers 503 when a query fails.
 */
@Component
@Endpoint(id = "enginecheck")
class EngineCheckEndpoint {

	/** A harmless value per parameter name; the names are the domain's, shared by all features. */
	private static final Map<String, Object> SAMPLE_ARGUMENTS = Map.ofEntries(
			Map.entry("since", LocalDateTime.of(2000, 1, 1, 0, 0)), Map.entry("memberId", 0L),
			Map.entry("offerType", "hotel"), Map.entry("redemptionDate", LocalDate.of(2000, 1, 1)),
			Map.entry("businessDate", LocalDate.of(2000, 1, 1)), Map.entry("windowStart", LocalDateTime.of(2000, 1, 1, 0, 0)),
			Map.entry("threshold", BigDecimal.valueOf(5000)), Map.entry("searchKind", ""),
			Map.entry("searchId", 0L), Map.entry("namePattern", "%"));

	private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

	private final JdbcClient jdbc;

	private final EngineDialect dialect;

	EngineCheckEndpoint(JdbcClient jdbc, EngineDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * @param outcome {@code ok}, {@code failed} or {@code not run (write)}
	 * @param error the engine's message when it failed
	 */
	record QueryCheck(String name, String outcome, String error) {
	}

	record EngineCheck(String engine, int failed, List<QueryCheck> queries) {
	}

	@ReadOperation
	WebEndpointResponse<EngineCheck> check() {
		List<QueryCheck> checks = new ArrayList<>();
		for (EngineStatement statement : EngineStatements.all()) {
			checks.add(statement.isQuery() ? run(statement) : new QueryCheck(statement.name(), "not run (write)", null));
		}
		int failed = (int) checks.stream().filter(check -> check.outcome().equals("failed")).count();
		String engine;
		try {
			engine = dialect.engine().label();
		}
		catch (DataAccessException ex) {
			engine = "unreachable";
		}
		return new WebEndpointResponse<>(new EngineCheck(engine, failed, checks),
				failed == 0 ? WebEndpointResponse.STATUS_OK : WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
	}

	private QueryCheck run(EngineStatement statement) {
		try {
			var query = jdbc.sql(statement.sql());
			Matcher parameter = PARAMETER.matcher(statement.sql());
			while (parameter.find()) {
				String name = parameter.group(1);
				if (!SAMPLE_ARGUMENTS.containsKey(name)) {
					return new QueryCheck(statement.name(), "failed",
							"no sample value for :" + name + " in EngineCheckEndpoint.SAMPLE_ARGUMENTS");
				}
				query = query.param(name, SAMPLE_ARGUMENTS.get(name));
			}
			query.query().listOfRows();
			return new QueryCheck(statement.name(), "ok", null);
		}
		catch (DataAccessException ex) {
			return new QueryCheck(statement.name(), "failed", ex.getMostSpecificCause().getMessage());
		}
	}

}
