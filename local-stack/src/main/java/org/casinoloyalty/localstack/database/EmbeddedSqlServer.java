package org.casinoloyalty.localstack.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.network.BindAddress;
import org.casinoloyalty.localstack.network.NetworkSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server standing in for RisingWave's SQL front end: same port, database and
 * user, so {@code psql -h localhost -p 4566 -d dev -U root} works in both modes. Its data directory
 * is kept across restarts. This machine's clients connect without a password, as to RisingWave;
 * when {@code CASINO_BIND} opens the port, other machines' clients must give {@code CASINO_SQL_PASSWORD}.
 */
public class EmbeddedSqlServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSqlServer.class);

	private final EmbeddedPostgres postgres;
	private final LocalStackProperties.Sql sql;

	private EmbeddedSqlServer(EmbeddedPostgres postgres, LocalStackProperties.Sql sql) {
		this.postgres = postgres;
		this.sql = sql;
	}

	public static EmbeddedSqlServer start(LocalStackProperties.Sql sql, BindAddress bind, Path dataDirectory) {
		boolean remoteClients = bind.open();
		if (remoteClients && (sql.password() == null || sql.password().isBlank())) {
			throw new NetworkSettingException("CASINO_BIND=" + bind + " opens PostgreSQL (port " + sql.port()
					+ ") to other machines, and they would need no password",
					"Set CASINO_SQL_PASSWORD to the password they must give as user '" + sql.username()
							+ "' (this machine's clients need none), or leave CASINO_BIND unset");
		}
		Path pgData = dataDirectory.resolve("postgres");
		try {
			Files.createDirectories(pgData.getParent());
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				.setServerConfig("listen_addresses", bind.postgresListenAddresses());
			if (sql.port() != 0) {
				builder.setPort(sql.port());
			}
			EmbeddedSqlServer server = new EmbeddedSqlServer(builder.start(), sql);
			server.createRoleAndDatabase();
			ClientAuthentication.apply(server.postgres, pgData, sql, remoteClients);
			log.info("PostgreSQL listening on {}:{} (database '{}', user '{}'{}), data in {}",
					bind.postgresListenAddresses(), server.port(), sql.database(), sql.username(),
					remoteClients ? "; other machines with CASINO_SQL_PASSWORD" : "", pgData);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL in " + pgData, ex);
		}
	}

	public int port() {
		return postgres.getPort();
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + sql.database();
	}

	public String username() {
		return sql.username();
	}

	private void createRoleAndDatabase() {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			if (!exists(statement, "SELECT 1 FROM pg_roles WHERE rolname = '" + sql.username() + "'")) {
				statement.execute("CREATE ROLE \"" + sql.username() + "\" LOGIN SUPERUSER");
			}
			if (!exists(statement, "SELECT 1 FROM pg_database WHERE datname = '" + sql.database() + "'")) {
				statement.execute("CREATE DATABASE \"" + sql.database() + "\" OWNER \"" + sql.username() + "\"");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create role and database in the embedded PostgreSQL", ex);
		}
	}

	private static boolean exists(Statement statement, String query) throws SQLException {
		try (var rows = statement.executeQuery(query)) {
			return rows.next();
		}
	}

	@Override
	public void close() throws IOException {
		postgres.close();
		log.info("PostgreSQL on port {} stopped", port());
	}

}
