package org.casinoloyalty.stacktests;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casinoloyalty.generator.GeneratorApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.redpanda.RedpandaContainer;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * risingwave/setup_risingwave.sql on real Redpanda and RisingWave containers (the images of docker-compose.yml),
 * applied the way the Docker stack applies it: by the generator at start-up. Events with chosen event times then
 * show the time semantics of design §4 relation by relation.
 *
 * <p>Runs wherever a Docker engine answers; reported as skipped elsewhere. The tests run in order and share the
 * stream: each step produces what the next one builds on.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RisingWaveStackTest {

	static final Network NETWORK = Network.newNetwork();

	/** The broker address RisingWave uses inside the network (RedpandaContainer.withListener). */
	static final String IN_NETWORK_BROKER = "redpanda:19092";

	@Container
	static final RedpandaContainer REDPANDA = new RedpandaContainer(ComposeFile.imageOf("redpanda"))
		.withNetwork(NETWORK)
		.withListener(IN_NETWORK_BROKER);

	@Container
	static final GenericContainer<?> RISINGWAVE = new GenericContainer<>(DockerImageName.parse(ComposeFile.imageOf("risingwave")))
		.withNetwork(NETWORK)
		.withNetworkAliases("risingwave")
		.withCommand("single_node")
		.withExposedPorts(4566)
		.waitingFor(Wait.forLogMessage(".*RisingWave standalone mode is ready.*", 1).withStartupTimeout(Duration.ofMinutes(3)));

	static final String TOPIC = "gaming-transactions";

	static final String HOTEL = "Complimentary Hotel Room (1 night)";

	static final String DRINK = "Complimentary Premium Drink";

	static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/**
	 * Start of the first window: a day ahead, so every heartbeat the generator sent with the real clock while it
	 * applied the schema is older than these events and never moves the watermark past them.
	 */
	static final LocalDateTime T0 = LocalDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.HOURS);

	static final LocalDateTime T1 = T0.plusMinutes(5);

	static final AtomicLong TRANSACTION_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static KafkaProducer<String, String> producer;

	@BeforeAll
	static void applySchemaThroughTheGenerator() {
		// As docker-compose.yml configures it, but against the containers; idle, so the test owns the stream.
		try (ConfigurableApplicationContext generator = new SpringApplicationBuilder(GeneratorApplication.class).run(
				"--server.port=0",
				"--spring.kafka.bootstrap-servers=" + REDPANDA.getBootstrapServers(),
				"--casino.generator.auto-start=false",
				"--casino.schema.enabled=true",
				"--casino.schema.jdbc-url=" + jdbcUrl(),
				"--casino.schema.username=root",
				"--casino.schema.engine-broker=" + IN_NETWORK_BROKER)) {
			await("schema applied by the generator").atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
				assertThat(names("SHOW SOURCES")).contains("gaming_transactions");
				assertThat(names("SHOW TABLES")).contains("offer_rules", "redeemed_offers");
				assertThat(names("SHOW MATERIALIZED VIEWS")).contains("member_daily_summary", "member_window_live",
						"hotel_room_offers", "drink_offers", "game_stats", "member_leaderboard");
			});
		}
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, REDPANDA.getBootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	@AfterAll
	static void closeProducer() {
		if (producer != null) {
			producer.close();
		}
	}

	@Test
	@Order(1)
	void openWindowIsLiveButNotInTheDailySummaryUntilTheWatermarkReachesItsEnd() throws Exception {
		play(1001, "Alice Carter", "bet", "3000.00", "slot", T0.plusSeconds(10));
		play(1001, "Alice Carter", "bet", "2500.00", "blackjack", T0.plusSeconds(20));
		play(1001, "Alice Carter", "win", "500.00", "blackjack", T0.plusSeconds(30));
		play(1006, "Ben Ortiz", "bet", "400.00", "roulette", T0.plusSeconds(40));
		play(1006, "Ben Ortiz", "win", "1000.00", "roulette", T0.plusSeconds(50));
		play(1006, "Ben Ortiz", "bet", "100.00", "slot", T0.plusMinutes(4).plusSeconds(50));
		// A stretch of heartbeats up to 1 s before the window can close: watermark = T1 - 1 s.
		for (LocalDateTime time = T0.plusMinutes(4).plusSeconds(51); time.isBefore(T1.plusSeconds(10)); time = time.plusSeconds(1)) {
			heartbeat(time);
		}
		// Marks the end of this batch: once it is visible, everything before it on the partition was processed.
		play(1011, "Chloe Park", "bet", "50.00", "poker", T1.plusSeconds(9));
		producer.flush();

		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(rows("""
				SELECT member_id, member_name, total_spend, total_winnings, net_amount, transaction_count,
				       last_transaction, window_start, window_end
				FROM member_window_live ORDER BY window_start, member_id""")).containsExactly(
				row(1001, "Alice Carter", 5500, 500, -5000, 3, T0.plusSeconds(30), T0, T1),
				row(1006, "Ben Ortiz", 500, 1000, 500, 3, T0.plusMinutes(4).plusSeconds(50), T0, T1),
				row(1011, "Chloe Park", 50, 0, -50, 1, T1.plusSeconds(9), T1, T1.plusMinutes(5))));
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(rows("SELECT member_id FROM member_daily_summary")).isEmpty());
	}

	@Test
	@Order(2)
	void heartbeatAtWindowEndPlusTenSecondsClosesTheWindowAndTheLateEventIsDropped() throws Exception {
		// Older than the watermark (T1 - 1 s): dropped from every view.
		play(1001, "Alice Carter", "bet", "9999.00", "slot", T0.plusMinutes(1));
		heartbeat(T1.plusSeconds(10));
		producer.flush();

		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(rows("""
				SELECT member_id, member_name, total_spend, total_winnings, net_amount, transaction_count,
				       last_transaction, window_start, window_end
				FROM member_daily_summary ORDER BY member_id""")).containsExactly(
				row(1001, "Alice Carter", 5500, 500, -5000, 3, T0.plusSeconds(30), T0, T1),
				row(1006, "Ben Ortiz", 500, 1000, 500, 3, T0.plusMinutes(4).plusSeconds(50), T0, T1)));
		assertThat(rows("SELECT member_id, total_spend FROM member_window_live ORDER BY window_start, member_id"))
			.containsExactly(row(1001, 5500), row(1006, 500), row(1011, 50));
	}

	@Test
	@Order(3)
	void offersComeFromClosedWindowsAndFollowTheThresholdsInOfferRules() throws Exception {
		assertThat(rows("SELECT offer_type, threshold, updated_at FROM offer_rules ORDER BY offer_type"))
			.containsExactly(row("drink", 1000, null), row("hotel", 5000, null));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(rows("""
					SELECT member_id, member_name, total_spend, transaction_count, net_amount, last_transaction,
					       window_start, window_end, reward_type
					FROM hotel_room_offers ORDER BY member_id""")).containsExactly(
					row(1001, "Alice Carter", 5500, 3, -5000, T0.plusSeconds(30), T0, T1, HOTEL));
			assertThat(rows("""
					SELECT member_id, member_name, total_spend, transaction_count, net_amount, loss_amount,
					       last_transaction, window_start, window_end, reward_type
					FROM drink_offers ORDER BY member_id""")).containsExactly(
					row(1001, "Alice Carter", 5500, 3, -5000, 5000, T0.plusSeconds(30), T0, T1, DRINK));
		});

		setThreshold("hotel", 400);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				rows("SELECT member_id FROM hotel_room_offers ORDER BY member_id")).containsExactly(row(1001), row(1006)));
		setThreshold("hotel", 6000);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				rows("SELECT member_id FROM hotel_room_offers")).isEmpty());
		setThreshold("hotel", 5000);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				rows("SELECT member_id FROM hotel_room_offers")).containsExactly(row(1001)));
	}

	@Test
	@Order(4)
	void runningTotalsCountBetsAndWinsOnlyNeitherHeartbeatsNorTheLateEvent() throws Exception {
		assertThat(rows("""
				SELECT game_type, bet_count, total_wagered, total_paid_out, house_net, house_edge
				FROM game_stats ORDER BY game_type""")).containsExactly(
				row("blackjack", 1, 2500, 500, 2000, new BigDecimal("0.8")),
				row("poker", 1, 50, 0, 50, 1),
				row("roulette", 1, 400, 1000, -600, new BigDecimal("-1.5")),
				row("slot", 2, 3100, 0, 3100, 1));
		assertThat(rows("""
				SELECT member_id, member_name, lifetime_spend, lifetime_winnings, lifetime_net,
				       lifetime_transactions, last_seen
				FROM member_leaderboard ORDER BY member_id""")).containsExactly(
				row(1001, "Alice Carter", 5500, 500, -5000, 3, T0.plusSeconds(30)),
				row(1006, "Ben Ortiz", 500, 1000, 500, 3, T0.plusMinutes(4).plusSeconds(50)),
				row(1011, "Chloe Park", 50, 0, -50, 1, T1.plusSeconds(9)));
	}

	@Test
	@Order(5)
	void secondRedemptionOfTheSameOfferOnTheSameDayKeepsTheFirstRow() throws Exception {
		redeem("first-writer", T1.plusMinutes(1));
		redeem("second-writer", T1.plusMinutes(2));

		assertThat(rows("""
				SELECT member_id, member_name, offer_type, redemption_date, window_start, window_end,
				       redeemed_at, redeemed_by
				FROM redeemed_offers""")).containsExactly(
				row(1001, "Alice Carter", "hotel", T0.toLocalDate(), T0, T1, T1.plusMinutes(1), "first-writer"));
	}

	/** A plain INSERT of all columns, then FLUSH, as the dashboard writes a redemption. */
	private static void redeem(String redeemedBy, LocalDateTime redeemedAt) throws SQLException {
		try (Connection connection = connect();
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO redeemed_offers (member_id, member_name, offer_type, redemption_date,
						                             window_start, window_end, redeemed_at, redeemed_by)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
				Statement flush = connection.createStatement()) {
			insert.setLong(1, 1001);
			insert.setString(2, "Alice Carter");
			insert.setString(3, "hotel");
			insert.setObject(4, T0.toLocalDate());
			insert.setObject(5, T0);
			insert.setObject(6, T1);
			insert.setObject(7, redeemedAt);
			insert.setString(8, redeemedBy);
			assertThat(insert.executeUpdate()).as("RisingWave reports the insert as done either way").isEqualTo(1);
			flush.execute("FLUSH");
		}
	}

	private static void setThreshold(String offerType, int threshold) throws SQLException {
		try (Connection connection = connect();
				PreparedStatement update = connection.prepareStatement(
						"UPDATE offer_rules SET threshold = ?, updated_at = ? WHERE offer_type = ?");
				Statement flush = connection.createStatement()) {
			update.setBigDecimal(1, BigDecimal.valueOf(threshold));
			update.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
			update.setString(3, offerType);
			update.executeUpdate();
			flush.execute("FLUSH");
		}
	}

	private static void play(long memberId, String memberName, String type, String amount, String gameType,
			LocalDateTime time) {
		send(String.valueOf(memberId), event(memberId, memberName, type, new BigDecimal(amount), gameType, time));
	}

	private static void heartbeat(LocalDateTime time) {
		send(null, event(null, null, "heartbeat", null, null, time));
	}

	/** Design §2: the JSON contract of topic gaming-transactions. */
	private static Map<String, Object> event(Long memberId, String memberName, String type, BigDecimal amount,
			String gameType, LocalDateTime time) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("transaction_id", TRANSACTION_IDS.incrementAndGet());
		event.put("member_id", memberId);
		event.put("member_name", memberName);
		event.put("transaction_type", type);
		event.put("amount", amount);
		event.put("game_type", gameType);
		event.put("transaction_time", EVENT_TIME.format(time));
		return event;
	}

	/** Everything on partition 0, so RisingWave reads the events in the order the steps rely on. */
	private static void send(String key, Map<String, Object> event) {
		producer.send(new ProducerRecord<>(TOPIC, 0, key, JSON.writeValueAsString(event)));
	}

	private static String jdbcUrl() {
		return "jdbc:postgresql://" + RISINGWAVE.getHost() + ":" + RISINGWAVE.getMappedPort(4566) + "/dev";
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "root", "");
	}

	private static List<String> names(String show) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(show)) {
			while (result.next()) {
				names.add(result.getString(1));
			}
		}
		return names;
	}

	/** Each row as its values joined by " | ", in the notation {@link #row} writes the expectations in. */
	private static List<String> rows(String query) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				Object[] values = new Object[columns];
				for (int i = 0; i < columns; i++) {
					values[i] = result.getObject(i + 1);
				}
				rows.add(row(values));
			}
		}
		return rows;
	}

	private static String row(Object... values) {
		StringJoiner row = new StringJoiner(" | ");
		for (Object value : values) {
			row.add(switch (value) {
				case null -> "NULL";
				case BigDecimal decimal -> decimal.stripTrailingZeros().toPlainString();
				case Timestamp timestamp -> SQL_TIME.format(timestamp.toLocalDateTime());
				case LocalDateTime time -> SQL_TIME.format(time);
				case Date date -> date.toLocalDate().toString();
				default -> value.toString();
			});
		}
		return row.toString();
	}

}
