package org.casinoloyalty.dashboard.live;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;

/** Where event time stands ({@link Watermark}), read first in every refresh: the others read history before it. */
@Repository
class WatermarkRepository {

	private static final String WATERMARK = """
			SELECT (SELECT max(window_end) FROM member_daily_summary) AS last_closed_window_end,
			       (SELECT max(last_transaction) FROM member_window_live) AS latest_event""";

	private final JdbcClient jdbc;

	WatermarkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Watermark read() {
		return jdbc.sql(WATERMARK)
			.query((rs, i) -> new Watermark(rs.getObject("last_closed_window_end", LocalDateTime.class),
					rs.getObject("latest_event", LocalDateTime.class)))
			.single();
	}

}
