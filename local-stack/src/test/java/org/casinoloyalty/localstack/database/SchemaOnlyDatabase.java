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
import java.util.List;

/** The embedded PostgreSQL with local-stack's schema applied, and nothing else running (e2e-tests uses it too). */
public final class SchemaOnlyDatabase implements AutoCloseable {

	private final EmbeddedSqlServer server;
	private final DataSource dataSource;
	private final JdbcClient sql;
	private final LocalSchema schema;

	public SchemaOnlyDatabase(Path dataDirectory) {
		server = EmbeddedSqlServer.start(new LocalStackProperties.Sql(0, "dev", "root", ""), BindAddress.loopback(),
				dataDirectory);
		dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(), server.username(), "");
		schema = new LocalSchema(new JdbcTemplate(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		schema.apply();
		sql = JdbcClient.create(dataSource);
	}

	/** Applies the schema again, as local-stack does at every start. */
	public void applySchema() {
		schema.apply();
	}

	public List<String> rows(String query) {
		return TableRows.of(sql, query);
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
