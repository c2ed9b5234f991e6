package org.casinoloyalty.localstack.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Who may connect to the embedded PostgreSQL ({@code pg_hba.conf}, rewritten at every start so that
 * closing {@code CASINO_BIND} again also closes the door): this machine without a password, other
 * machines only when the port is open to them, with the SCRAM password of {@code CASINO_SQL_PASSWORD}.
 */
final class ClientAuthentication {

	private static final String THIS_MACHINE = """
			# Written by local-stack at each start (docs/decisions.md D18); edits here are lost.
			local all all trust
			host all all 127.0.0.1/32 trust
			host all all ::1/128 trust
			""";

	private static final String OTHER_MACHINES = "host all all all scram-sha-256\n";

	private ClientAuthentication() {
	}

	static void apply(EmbeddedPostgres postgres, Path pgData, LocalStackProperties.Sql sql, boolean remoteClients) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			if (remoteClients) {
				// the driver hashes the password (SCRAM) on this side: it never travels or logs in clear
				connection.unwrap(PGConnection.class).alterUserPassword(sql.username(), sql.password().toCharArray(),
						"scram-sha-256");
			}
			Files.writeString(pgData.resolve("pg_hba.conf"), remoteClients ? THIS_MACHINE + OTHER_MACHINES : THIS_MACHINE);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SELECT pg_reload_conf()");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set who may connect to the embedded PostgreSQL", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + pgData.resolve("pg_hba.conf"), ex);
		}
	}

}
