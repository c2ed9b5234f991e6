package org.casinoloyalty.dashboard.sql;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts every SQL statement the dashboard sends (metric {@code dashboard.sql.statements}), so a
 * test and {@code make bench-dashboard} can show that the number per refresh does not depend on
 * the number of open browsers.
 */
@Component
public class StatementCounter {

	private final Counter counter;

	StatementCounter(MeterRegistry registry) {
		this.counter = Counter.builder("dashboard.sql.statements")
			.description("SQL statements sent to the engine (queries and writes)")
			.register(registry);
	}

	void increment() {
		counter.increment();
	}

	public long count() {
		return (long) counter.count();
	}

}
