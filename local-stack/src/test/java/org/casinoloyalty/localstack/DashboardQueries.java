package org.casinoloyalty.localstack;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The dashboard's queries ({@code dashboard-queries.sql}) and parameters that fit the data present. */
public final class DashboardQueries {

	public record Query(String name, String sql) {
	}

	private DashboardQueries() {
	}

	public static List<Query> all() {
		String text;
		try {
			text = new ClassPathResource("dashboard-queries.sql").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Query> queries = new ArrayList<>();
		for (String block : text.split("-- name: ")) {
			int endOfName = block.indexOf('\n');
			if (block.startsWith("--") || endOfName < 0) {
				continue;
			}
			String sql = block.substring(endOfName + 1).strip();
			queries.add(new Query(block.substring(0, endOfName).strip(), sql.substring(0, sql.lastIndexOf(';'))));
		}
		return queries;
	}

	/**
	 * The dashboard's defaults applied to the data present: two hours of event time before the latest
	 * event, 500 window rows, redemptions of the last seven days, a read-back of member 1001's hotel
	 * offer on the latest event's day.
	 */
	public static Map<String, Object> parameters(JdbcClient sql) {
		LocalDateTime latest = sql.sql("SELECT coalesce(max(last_transaction), TIMESTAMP '1970-01-01') FROM member_window_live")
			.query(LocalDateTime.class)
			.single();
		LocalDate day = latest.toLocalDate();
		return Map.of("since", latest.minusHours(2), "limit", 500, "since_date", day.minusDays(6), "day", day,
				"offer_type", "hotel", "member_id", 1001L);
	}

}
