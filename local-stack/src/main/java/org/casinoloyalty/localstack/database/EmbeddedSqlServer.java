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
import java.time.Duration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server standing in for RisingWave's SQL front end: same port, database and
 * user, so {@code psql -h localhost -p 4566 -d dev -U root} works in both modes. Its data directory
 * is kept across restarts. This machine's clients connect without a password, as to RisingWave;
 * when {@code CASINO_BIND} opens the port, other machines' clients must give {@code CASINO_SQL_PASSWORD}.
 * When its postmaster dies (killed, out of memory) while local-stack runs, it is started again on the
 * same data directory and port: PostgreSQL's crash recovery replays its log, and every client
 * reconnects through the pool.
 */
public class EmbeddedSqlServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSqlServer.class);

	private static final Duration RESTART_PAUSE = Duration.ofSeconds(1);

	private static final int RESTART_ATTEMPTS = 60;

	private final LocalStackProperties.Sql sql;
	private final Path pgData;
	private final String listenAddresses;
	private final boolean remoteClients;
	private volatile EmbeddedPostgres postgres;
	private volatile int port;
	private volatile boolean closing;

	private EmbeddedSqlServer(LocalStackProperties.Sql sql, Path pgData, String listenAddresses, boolean remoteClients) {
		this.sql = sql;
		this.pgData = pgData;
		this.listenAddresses = listenAddresses;
		this.remoteClients = remoteClients;
		this.port = sql.port();
		// once the JVM exits, a server that ends is not started again
		Runtime.getRuntime().addShutdownHook(new Thread(() -> closing = true, "postgres-no-restart"));
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
			EmbeddedSqlServer server = new EmbeddedSqlServer(sql, pgData, bind.postgresListenAddresses(), remoteClients);
			server.startPostgres();
			log.info("PostgreSQL listening on {}:{} (database '{}', user '{}'{}), data in {}",
					bind.postgresListenAddresses(), server.port(), sql.database(), sql.username(),
					remoteClients ? "; other machines with CASINO_SQL_PASSWORD" : "", pgData);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL in " + pgData, ex);
		}
	}

	private void startPostgres() throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setServerConfig("listen_addresses", listenAddresses)
			// zonky turns it off for tests; a commit must survive the server's crash (PostgresCrashTest)
			.setServerConfig("synchronous_commit", "on")
			// the open windows' table has thousands of dead row versions a second at a casino's rate; vacuum
			// looks every 10 s instead of every minute, so a scan of the open window stays short (issue 14)
			.setServerConfig("autovacuum_naptime", "10s")
			// close() stops it; zonky's own JVM hook would stop it behind our back, and the watch would start it again
			.setRegisterShutdownHook(false);
		if (port != 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres started = builder.start();
		try {
			port = started.getPort();
			postgres = started;
			createRoleAndDatabase();
			ClientAuthentication.apply(started, pgData, sql, remoteClients);
			// the process zonky started is a launcher; the server is the postmaster its pid file names
			ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
				.orElseThrow(() -> new IllegalStateException("PostgreSQL started but its postmaster is not running"));
			postmaster.onExit().thenAccept(process -> {
				if (!closing) {
					Thread.ofPlatform().name("postgres-restart").start(() -> restartAfterCrash(started, process.pid()));
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			// half started: not left running unwatched, nor holding the data directory's lock for the next try
			closeQuietly(started);
			throw ex;
		}
		if (closing) {
			// local-stack began to stop while this restart ran
			closeQuietly(started);
		}
	}

	private long postmasterPid() throws IOException {
		return Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).getFirst().strip());
	}

	private void restartAfterCrash(EmbeddedPostgres dead, long pid) {
		log.warn("PostgreSQL (postmaster pid {}) ended while local-stack runs; starting it again on {} port {}", pid,
				pgData, port);
		closeQuietly(dead);
		for (int attempt = 1; attempt <= RESTART_ATTEMPTS && !closing; attempt++) {
			try {
				startPostgres();
				log.info("PostgreSQL is back on port {} (attempt {})", port, attempt);
				return;
			}
			catch (IOException | RuntimeException ex) {
				// its orphaned backends may still hold the shared memory for a moment
				log.warn("PostgreSQL did not start again (attempt {} of {}): {}", attempt, RESTART_ATTEMPTS, ex.toString());
				try {
					Thread.sleep(RESTART_PAUSE);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
		log.error("PostgreSQL could not be started again; stop local-stack and run make demo");
	}

	private static void closeQuietly(EmbeddedPostgres dead) {
		try {
			// releases its lock on the data directory; stopping a dead server fails, and that is logged only
			dead.close();
		}
		catch (IOException ex) {
			log.debug("Closing the dead PostgreSQL failed", ex);
		}
	}

	public int port() {
		return port;
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
		closing = true;
		postgres.close();
		log.info("PostgreSQL on port {} stopped", port());
	}

}
