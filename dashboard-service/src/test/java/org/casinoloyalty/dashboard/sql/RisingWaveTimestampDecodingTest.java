package org.casinoloyalty.dashboard.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.casinoloyalty.dashboard.sql.FakeRisingWaveServer.Bind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RisingWave's binary TIMESTAMP through pgjdbc's own decoding (issue 9, point 1a; docs/decisions.md D16).
 * RisingWave sends no {@code integer_datetimes} at start-up, so pgjdbc takes date-times for doubles; it asks
 * for binary results only on a named statement, from the execution after the prepareThreshold-th.
 */
@Timeout(30)
class RisingWaveTimestampDecodingTest {

	private static final LocalDateTime TS = LocalDateTime.of(2026, 12, 2, 15, 5, 0, 123_456_000);

	/** What pgjdbc makes of an int64 microsecond count read as a double (a denormal: 0 s). */
	private static final LocalDateTime PG_EPOCH = LocalDateTime.of(2000, 1, 1, 0, 0);

	private static final int EXECUTIONS = 10;

	private FakeRisingWaveServer server;

	@AfterEach
	void stopServer() throws Exception {
		if (server != null) {
			server.close();
			assertThat(server.failures()).isEmpty();
		}
	}

	@Test
	void withPgjdbcDefaultsExecutionsAfterTheFifthReadTheYear2000() throws Exception {
		server = new FakeRisingWaveServer(TS, false);

		List<LocalDateTime> reads;
		try (Connection connection = connect(timeoutsOnly())) {
			assertThat(connection.unwrap(PGConnection.class).getParameterStatuses())
				.containsEntry("server_version", "13.14.0")
				.doesNotContainKey("integer_datetimes");
			assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().getIntegerDateTimes()).isFalse();
			reads = executeRepeatedly(connection);
		}

		assertThat(reads.subList(0, 5)).containsOnly(TS);
		assertThat(reads.subList(5, EXECUTIONS)).containsOnly(PG_EPOCH);
		List<Bind> binds = bindsOfTheQuery();
		assertThat(binds).hasSize(EXECUTIONS);
		assertThat(binds.subList(0, 5)).noneMatch(Bind::asksForBinary);
		assertThat(binds.subList(5, EXECUTIONS)).allSatisfy(bind -> {
			assertThat(bind.statement()).as("a named server statement").isNotEmpty();
			assertThat(bind.resultFormats()).containsExactly((short) 1);
		});
	}

	/** Control: the same bytes, announced as integers the way PostgreSQL does, decode right on the binary path. */
	@Test
	void withIntegerDatetimesAnnouncedTheBinaryPathReadsTheValue() throws Exception {
		server = new FakeRisingWaveServer(TS, true);

		List<LocalDateTime> reads;
		try (Connection connection = connect(timeoutsOnly())) {
			reads = executeRepeatedly(connection);
		}

		assertThat(reads).hasSize(EXECUTIONS).containsOnly(TS);
		assertThat(bindsOfTheQuery().subList(5, EXECUTIONS)).allMatch(Bind::asksForBinary);
	}

	@Test
	void withTheDashboardsDataSourcePropertiesEveryExecutionReadsTheValue() throws Exception {
		server = new FakeRisingWaveServer(TS, false);
		Properties properties = dashboardDataSourceProperties();
		assertThat(properties).containsEntry("prepareThreshold", "0");

		List<LocalDateTime> reads;
		try (Connection connection = connect(properties)) {
			reads = executeRepeatedly(connection);
		}

		assertThat(reads).hasSize(EXECUTIONS).containsOnly(TS);
		assertTextOnlyOnUnnamedStatements(bindsOfTheQuery());
	}

	@Test
	void throughHikariAndJdbcClientEveryExecutionReadsTheValue() throws Exception {
		server = new FakeRisingWaveServer(TS, false);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername("root");
		config.setMaximumPoolSize(1);
		config.setDataSourceProperties(dashboardDataSourceProperties());

		List<LocalDateTime> reads = new ArrayList<>();
		try (HikariDataSource dataSource = new HikariDataSource(config)) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			for (int i = 0; i < EXECUTIONS; i++) {
				reads.add(jdbc.sql(FakeRisingWaveServer.QUERY).query(LocalDateTime.class).single());
			}
		}

		assertThat(reads).hasSize(EXECUTIONS).containsOnly(TS);
		assertTextOnlyOnUnnamedStatements(bindsOfTheQuery());
	}

	/** pgjdbc's defaults but for its timeouts (none by default), so that nothing can hang. */
	private static Properties timeoutsOnly() {
		Properties properties = new Properties();
		properties.setProperty("connectTimeout", "2");
		properties.setProperty("socketTimeout", "10");
		return properties;
	}

	/** Every key under spring.datasource.hikari.data-source-properties of the dashboard's application.yml. */
	private static Properties dashboardDataSourceProperties() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		String prefix = "spring.datasource.hikari.data-source-properties.";
		Properties properties = new Properties();
		yaml.getObject().forEach((key, value) -> {
			if (key.toString().startsWith(prefix)) {
				properties.setProperty(key.toString().substring(prefix.length()), value.toString());
			}
		});
		return properties;
	}

	private Connection connect(Properties dataSourceProperties) throws SQLException {
		Properties properties = new Properties();
		properties.putAll(dataSourceProperties);
		properties.setProperty("user", "root");
		return new Driver().connect(server.jdbcUrl(), properties);
	}

	private static List<LocalDateTime> executeRepeatedly(Connection connection) throws SQLException {
		List<LocalDateTime> reads = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(FakeRisingWaveServer.QUERY)) {
			for (int i = 0; i < EXECUTIONS; i++) {
				try (ResultSet rows = statement.executeQuery()) {
					assertThat(rows.next()).isTrue();
					reads.add(rows.getObject(1, LocalDateTime.class));
				}
			}
		}
		return reads;
	}

	private List<Bind> bindsOfTheQuery() {
		return server.binds().stream().filter(bind -> FakeRisingWaveServer.QUERY.equals(bind.sql())).toList();
	}

	private static void assertTextOnlyOnUnnamedStatements(List<Bind> binds) {
		assertThat(binds).hasSize(EXECUTIONS).allSatisfy(bind -> {
			assertThat(bind.statement()).as("the unnamed statement").isEmpty();
			assertThat(bind.asksForBinary()).isFalse();
		});
	}

}
