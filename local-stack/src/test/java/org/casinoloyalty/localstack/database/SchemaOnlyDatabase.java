package org.casinoloyalty.localstack.database;

import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.network.BindAddress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;

/** The embedded PostgreSQL with local-stack's schema applied, and nothing else running (e2e-tests uses it too). */
public final class SchemaOnlyDatabase implements AutoCloseable {

	private final EmbeddedSqlServer server;
	private final DataSource dataSource;
	private final JdbcClient sql;

	public SchemaOnlyDatabase(Path dataDirectory) {
		server = EmbeddedSqlServer.start(new LocalStackProperties.Sql(0, "dev", "root", ""), BindAddress.loopback(),
				dataDirectory);
		dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(), server.username(), "");
		new LocalSchema(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)))
			.apply();
		sql = JdbcClient.create(dataSource);
	}

	public JdbcClient sql() {
		return sql;
	}

	public DataSource dataSource() {
		return dataSource;
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
