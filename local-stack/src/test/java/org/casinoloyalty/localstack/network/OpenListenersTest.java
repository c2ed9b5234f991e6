package org.casinoloyalty.localstack.network;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.broker.EmbeddedKafkaBroker;
import org.casinoloyalty.localstack.database.EmbeddedSqlServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What CASINO_BIND does to local mode's Kafka and PostgreSQL, on this machine's own non-loopback address. */
class OpenListenersTest {

	private static final LocalStackProperties.Kafka KAFKA = new LocalStackProperties.Kafka(0, 0, "gaming-transactions",
			3, "gaming-transactions-dlt", List.of("loyalty-offers"));

	@TempDir
	Path data;

	@Test
	void openedPostgresWantsThePasswordFromOtherAddressesAndNoneOnLoopback() throws Exception {
		String own = OwnAddress.nonLoopbackIpv4();
		try (EmbeddedSqlServer server = EmbeddedSqlServer.start(sql("floor-secret"), BindAddress.of(own, ""), data)) {
			String remote = "jdbc:postgresql://" + own + ":" + server.port() + "/dev";

			assertThat(selectOne(server.jdbcUrl(), null)).isEqualTo(1);
			assertThat(selectOne(remote, "floor-secret")).isEqualTo(1);
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> selectOne(remote, "wrong"))
				.withMessageContaining("password authentication failed");
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> selectOne(remote, null))
				.withMessageContaining("password");
		}
	}

	@Test
	void postgresOnLoopbackDoesNotListenOnOtherAddresses() throws Exception {
		String own = OwnAddress.nonLoopbackIpv4();
		try (EmbeddedSqlServer server = EmbeddedSqlServer.start(sql(""), BindAddress.loopback(), data)) {
			assertThat(selectOne(server.jdbcUrl(), null)).isEqualTo(1);
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> selectOne("jdbc:postgresql://" + own + ":" + server.port() + "/dev", "anything"))
				.havingRootCause()
				.isInstanceOf(ConnectException.class);
		}
	}

	@Test
	void closingTheBindAgainClosesTheDoorOnTheSameDataDirectory() throws Exception {
		String own = OwnAddress.nonLoopbackIpv4();
		EmbeddedSqlServer.start(sql("floor-secret"), BindAddress.of("0.0.0.0", "floor"), data).close();
		try (EmbeddedSqlServer server = EmbeddedSqlServer.start(sql(""), BindAddress.loopback(), data)) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> selectOne("jdbc:postgresql://" + own + ":" + server.port() + "/dev", "floor-secret"));
			assertThat(selectOne(server.jdbcUrl(), null)).isEqualTo(1);
		}
	}

	@Test
	void openingPostgresWithoutAPasswordIsRefusedBeforeItStarts() {
		assertThatExceptionOfType(NetworkSettingException.class)
			.isThrownBy(() -> EmbeddedSqlServer.start(sql(" "), BindAddress.of("0.0.0.0", "floor"), data))
			.withMessageContaining("CASINO_BIND=0.0.0.0 opens PostgreSQL")
			.withMessageContaining("Set CASINO_SQL_PASSWORD");
		assertThat(data.resolve("postgres")).doesNotExist();
	}

	@Test
	void openedKafkaListensAndAdvertisesTheBindAddress() throws Exception {
		String own = OwnAddress.nonLoopbackIpv4();
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(KAFKA, Duration.ofDays(7), BindAddress.of(own, ""), data);
				Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			assertThat(broker.bootstrapServers()).startsWith(own + ":");
			assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).extracting(Node::host).containsExactly(own);
			assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("gaming-transactions");
		}
	}

	@Test
	void kafkaAdvertisesTheNameOtherMachinesAreGiven() throws Exception {
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(KAFKA, Duration.ofDays(7), BindAddress.of("0.0.0.0", "localhost"), data);
				Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
			assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).extracting(Node::host)
				.containsExactly("localhost");
		}
	}

	private static LocalStackProperties.Sql sql(String password) {
		return new LocalStackProperties.Sql(0, "dev", "root", password);
	}

	private static int selectOne(String url, String password) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "root", password);
				var rows = connection.createStatement().executeQuery("SELECT 1")) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
