package org.casinoloyalty.localstack.database;

import org.casinoloyalty.localstack.LocalStackProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Path;

/** The embedded PostgreSQL with local-stack's schema applied, and nothing else running. */
final class SchemaOnlyDatabase implements AutoCloseable {

	private final EmbeddedSqlServer server;
	private final JdbcClient sql;

	SchemaOnlyDatabase(Path dataDirectory) {
		server = EmbeddedSqlServer.start(new LocalStackProperties.Sql(0, "dev", "root"), dataDirectory);
		var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(), server.username(), "");
		new LocalSchema(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)))
			.apply();
		sql = JdbcClient.create(dataSource);
	}

	JdbcClient sql() {
		return sql;
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
