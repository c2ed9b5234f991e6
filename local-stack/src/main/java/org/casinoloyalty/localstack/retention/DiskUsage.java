package org.casinoloyalty.localstack.retention;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bytes on disk, as PostgreSQL counts them: the raw events (table {@code gaming_transactions} with its index
 * and TOAST) and the whole database {@code dev} (aggregates, offers, outbox, catalog). Health component
 * {@code retention} shows them; docs/benchmarks.md, "Disk per million events", divides them by the rows kept.
 *
 * @param rawEventBytes {@code pg_total_relation_size('gaming_transactions')}
 * @param databaseBytes {@code pg_database_size(current_database())}
 */
public record DiskUsage(long rawEventBytes, long databaseBytes) {

	/** The query, for psql and the benchmarks; both functions read file sizes, they scan no rows. */
	public static final String QUERY = """
			SELECT pg_total_relation_size('gaming_transactions') AS raw_event_bytes,
			       pg_database_size(current_database()) AS database_bytes""";

	/** Measures now on local-stack's database reached through {@code sql}. */
	public static DiskUsage of(JdbcClient sql) {
		return sql.sql(QUERY).query(DiskUsage.class).single();
	}

}
