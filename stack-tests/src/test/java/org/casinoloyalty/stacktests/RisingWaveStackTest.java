package org.casinoloyalty.stacktests;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casinoloyalty.dashboard.analytics.AnalyticsRepository;
import org.casinoloyalty.dashboard.analytics.GameStats;
import org.casinoloyalty.dashboard.sql.Engine;
import org.casinoloyalty.dashboard.live.LiveSnapshot;
import org.casinoloyalty.dashboard.live.LiveState;
import org.casinoloyalty.dashboard.live.SnapshotPoller;
import org.casinoloyalty.dashboard.members.LeaderboardEntry;
import org.casinoloyalty.dashboard.members.MemberRows;
import org.casinoloyalty.dashboard.members.MemberWindow;
import org.casinoloyalty.dashboard.offers.Offer;
import org.casinoloyalty.dashboard.fulfillment.FulfillmentLiveQuery;
import org.casinoloyalty.dashboard.offers.OfferBoard;
import org.casinoloyalty.dashboard.offers.OnTrackCount;
import org.casinoloyalty.dashboard.offers.WindowCount;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.sql.PagedQuery;
import org.casinoloyalty.dashboard.offers.OfferBoards;
import org.casinoloyalty.dashboard.offers.OfferRows;
import org.casinoloyalty.dashboard.offers.OffersLiveQuery;
import org.casinoloyalty.dashboard.redemption.RecentRedemptions;
import org.casinoloyalty.dashboard.redemption.RedemptionsLiveQuery;
import org.casinoloyalty.dashboard.members.MemberActivity;
import org.casinoloyalty.dashboard.members.MembersLiveQuery;
import org.casinoloyalty.dashboard.rules.RulesLiveQuery;
import org.casinoloyalty.dashboard.analytics.AnalyticsLiveQuery;
import org.casinoloyalty.dashboard.offers.OfferStatus;
import org.casinoloyalty.dashboard.live.Watermark;
import org.casinoloyalty.dashboard.redemption.OfferToRedeem;
import org.casinoloyalty.dashboard.redemption.Redemption;
import org.casinoloyalty.dashboard.redemption.RedemptionOutcome;
import org.casinoloyalty.dashboard.redemption.RedemptionService;
import org.casinoloyalty.dashboard.rules.OfferRule;
import org.casinoloyalty.dashboard.rules.OfferRuleRepository;
import org.casinoloyalty.dashboard.rules.OfferRuleService;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.casinoloyalty.generator.simulation.TransactionEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.redpanda.RedpandaContainer;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * risingwave/setup_risingwave.sql on real Redpanda and RisingWave containers (the images of docker-compose.yml),
 * applied the way the Docker stack applies it: by the generator at start-up. Events with chosen event times then
 * show the time semantics of design §4 relation by relation, and the real dashboard (booted in this JVM) reads
 * and writes them through its own repositories and services: no copy of the product's SQL is run here. The SQL
 * that remains checks what the product never reads (whole view rows, the catalog, row counts).
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

	/** Full precision, so a timestamp that is off by any amount (or decoded as 2000-01-01) shows. */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

	/** The event contract's times (design §2), as the sinks write them. */
	static final DateTimeFormatter CONTRACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	/**
	 * Start of the first window: a day ahead, so every heartbeat the generator sent with the real clock while it
	 * applied the schema is older than these events and never moves the watermark past them.
	 */
	static final LocalDateTime T0 = LocalDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.HOURS);

	static final LocalDateTime T1 = T0.plusMinutes(5);

	/** A {@code since} before every window: the repositories' history bound, wide open. */
	static final LocalDateTime EVER = LocalDateTime.of(1970, 1, 1, 0, 0);

	/**
	 * How often every read runs on the one pooled connection: pgjdbc switches a statement to a server-side
	 * prepare and binary results on its 5th execution (prepareThreshold), where RisingWave's binary timestamps
	 * used to come back as 2000-01-01; the 6th and later run that way.
	 */
	static final int EXECUTIONS = 8;

	/** Parallel clicks on "Mark as redeemed" for one offer. */
	static final int RACERS = 20;

	static final AtomicLong TRANSACTION_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static KafkaProducer<String, String> producer;

	/** The dashboard under test, on a pool of ONE connection: every statement shares one pgjdbc connection. */
	static ConfigurableApplicationContext dashboard;

	/** The hotel rule's updated_at after the thresholds test put it back to 5000. */
	static LocalDateTime hotelRuleUpdatedAt;

	/** The redemption of Alice's hotel offer, won by "first-writer". */
	static Redemption hotelRedemption;

	@BeforeAll
	static void applySchemaThroughTheGeneratorAndStartTheDashboard() throws Exception {
		// As docker-compose.yml configures it, but against the containers; idle, so the test owns the stream.
		StackApplications.runSchemaInitialiser(REDPANDA.getBootstrapServers(), jdbcUrl(), IN_NETWORK_BROKER);
		await("schema applied by the generator").atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
			assertThat(names("SHOW SOURCES")).contains("gaming_transactions");
			assertThat(names("SHOW TABLES")).contains("offer_rules", "redeemed_offers", "staff_actions");
			assertThat(names("SHOW MATERIALIZED VIEWS")).contains("member_daily_summary", "member_window_live",
					"hotel_room_offers", "drink_offers", "game_stats", "member_leaderboard");
		});
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, REDPANDA.getBootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
		dashboard = StackApplications.startDashboard(jdbcUrl(), 1);
		assertThat(dashboard.getEnvironment().getProperty("spring.application.name"))
			.as("the dashboard runs on its own application.yml").isEqualTo("dashboard-service");
		assertThat(hikari(dashboard).getMaximumPoolSize()).isEqualTo(1);
	}

	@AfterAll
	static void stopEverything() {
		if (dashboard != null) {
			dashboard.close();
		}
		if (producer != null) {
			producer.close();
		}
	}

	/** D23: the topic holds Docker mode's raw events (the source stores none), kept as long as local mode keeps its table's. */
	@Test
	@Order(0)
	void redpandaKeepsTheEventsTopicForTheRawEventRetention() throws Exception {
		ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, REDPANDA.getBootstrapServers()))) {
			ConfigEntry retention = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic)
				.get(TopicConfig.RETENTION_MS_CONFIG);
			assertThat(retention.value()).isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
			assertThat(retention.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
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

		// The dashboard's per-window read: every window, the open one included, none closed yet; no heartbeat row.
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(windows()).containsExactly(
				row(1011, "Chloe Park", 50, 0, -50, 1, T1.plusSeconds(9), T1, T1.plusMinutes(5), false),
				row(1001, "Alice Carter", 5500, 500, -5000, 3, T0.plusSeconds(30), T0, T1, false),
				row(1006, "Ben Ortiz", 500, 1000, 500, 3, T0.plusMinutes(4).plusSeconds(50), T0, T1, false)));
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(rows("SELECT member_id FROM member_daily_summary")).isEmpty());
		assertThat(refreshedSnapshot().watermark()).isEqualTo(new Watermark(null, T1.plusSeconds(9)));
	}

	@Test
	@Order(2)
	void heartbeatAtWindowEndPlusTenSecondsClosesTheWindowAndTheLateEventIsDropped() throws Exception {
		// Older than the watermark (T1 - 1 s): dropped from every view.
		play(1001, "Alice Carter", "bet", "9999.00", "slot", T0.plusMinutes(1));
		// As the generator sends it: no member, amount or game, no key.
		heartbeat(T1.plusSeconds(10));
		producer.flush();

		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(rows("""
				SELECT member_id, member_name, total_spend, total_winnings, net_amount, transaction_count,
				       last_transaction, window_start, window_end
				FROM member_daily_summary ORDER BY member_id""")).containsExactly(
				row(1001, "Alice Carter", 5500, 500, -5000, 3, T0.plusSeconds(30), T0, T1),
				row(1006, "Ben Ortiz", 500, 1000, 500, 3, T0.plusMinutes(4).plusSeconds(50), T0, T1)));
		// The dashboard sees the window closed; the late bet and the heartbeats added nothing anywhere.
		assertThat(windows()).containsExactly(
				row(1011, "Chloe Park", 50, 0, -50, 1, T1.plusSeconds(9), T1, T1.plusMinutes(5), false),
				row(1001, "Alice Carter", 5500, 500, -5000, 3, T0.plusSeconds(30), T0, T1, true),
				row(1006, "Ben Ortiz", 500, 1000, 500, 3, T0.plusMinutes(4).plusSeconds(50), T0, T1, true));
		// The heartbeat moved the engine's watermark (the window closed) but is in no view: the latest event is Chloe's bet.
		assertThat(refreshedSnapshot().watermark()).isEqualTo(new Watermark(T1, T1.plusSeconds(9)));
	}

	@Test
	@Order(3)
	void offersComeFromClosedWindowsAndFollowTheThresholdsInOfferRules() throws Exception {
		assertThat(rules()).containsExactly(row("drink", 1000, null), row("hotel", 5000, null));
		// Whole rows, reward_type included (the dashboard reads fewer columns): what the schema promises.
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
		assertThat(offers(OfferType.HOTEL)).containsExactly(hotelOffer());
		assertThat(offers(OfferType.DRINK)).containsExactly(drinkOffer());

		// Through the rules service, as the Rules tab changes them; the offer views filter on offer_rules.
		changeHotelThreshold("400");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(offeredMembers(OfferType.HOTEL))
			.containsExactly(1001L, 1006L));
		changeHotelThreshold("6000");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(offeredMembers(OfferType.HOTEL)).isEmpty());
		hotelRuleUpdatedAt = changeHotelThreshold("5000");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(offers(OfferType.HOTEL))
			.containsExactly(hotelOffer()));
		assertThat(offers(OfferType.DRINK)).as("the drink rule did not change").containsExactly(drinkOffer());
	}

	@Test
	@Order(4)
	void runningTotalsCountBetsAndWinsOnlyNeitherHeartbeatsNorTheLateEvent() {
		assertThat(gameStats()).containsExactly(expectedGameStats());
		assertThat(leaderboard()).containsExactly(expectedLeaderboard());
	}

	/**
	 * Issue 9: pgjdbc decoded RisingWave's binary timestamps wrongly once a statement had run five times on a
	 * connection. With a pool of one connection, the shared poller's snapshot and every repository read run
	 * {@value #EXECUTIONS} times on the same pgjdbc connection, and every timestamp must still be the event time.
	 * The redemptions keep the first row: a second one of the same offer on the same day is "already redeemed".
	 */
	@Test
	@Order(5)
	void everyReadOfTheDashboardKeepsItsTimestampsOnOnePooledConnection() throws Exception {
		PGConnection connection = physicalConnection();
		RedemptionService redemptions = bean(RedemptionService.class);
		OfferToRedeem offer = onlyOffer(OfferType.HOTEL).toRedeem();
		LocalDateTime before = utcNow();
		StackApplications.signIn(dashboard, "first-writer", StaffRole.HOST);
		RedemptionOutcome first = redemptions.redeem(offer);
		LocalDateTime after = utcNow();
		assertThat(first).as(first.message()).isInstanceOf(RedemptionOutcome.Won.class);
		hotelRedemption = ((RedemptionOutcome.Won) first).redemption();
		assertThat(hotelRedemption.redeemedAt()).isBetween(before, after);
		assertThat(hotelRedemption).isEqualTo(new Redemption(1001, "Alice Carter", OfferType.HOTEL,
				hotelRedemption.redemptionDate(), T0, T1, hotelRedemption.redeemedAt(), "first-writer"));
		assertThat(hotelRedemption.redemptionDate()).isBetween(before.toLocalDate(), after.toLocalDate());

		for (int execution = 1; execution <= EXECUTIONS; execution++) {
			String as = "execution " + execution + " on the one pooled connection";
			assertSnapshot(refreshedSnapshot(), as);
			assertThat(windows()).as(as).containsExactly(closedWindows());
			assertThat(leaderboard()).as(as).containsExactly(expectedLeaderboard());
			assertThat(gameStats()).as(as).containsExactly(expectedGameStats());
			assertThat(offers(OfferType.HOTEL)).as(as).containsExactly(hotelOffer());
			assertThat(offers(OfferType.DRINK)).as(as).containsExactly(drinkOffer());
			assertThat(rules()).as(as).containsExactly(row("drink", 1000, null), row("hotel", 5000, hotelRuleUpdatedAt));
			assertThat(redemptions.recent()).as(as).containsExactly(hotelRedemption);
			StackApplications.signIn(dashboard, "second-writer", StaffRole.HOST);
			RedemptionOutcome again = redemptions.redeem(offer);
			assertThat(again).as(as + ": " + again.message())
				.isEqualTo(new RedemptionOutcome.AlreadyRedeemed(hotelRedemption));
		}
		assertThat(rows("SELECT member_id, offer_type, redeemed_by FROM redeemed_offers"))
			.as("the first redemption's row, alone").containsExactly(row(1001, "hotel", "first-writer"));
		assertThat(rows("SELECT staff_user, staff_role, action FROM staff_actions WHERE target LIKE 'hotel%' ORDER BY acted_at"))
			.as("the audit trail: one redemption, then a refusal per execution")
			.hasSize(EXECUTIONS + 1)
			.startsWith(row("first-writer", "HOST", "redeem"))
			.endsWith(row("second-writer", "HOST", "redeem_refused"));
		assertThat(physicalConnection()).as("every statement ran on this one connection").isSameAs(connection);
	}

	/**
	 * {@value #RACERS} clicks on one offer at the same moment. A second dashboard context with a pool of
	 * {@value #RACERS} connections runs them: on the pool of one, the clicks would queue for the connection
	 * (and the later ones fail after Hikari's 2 s connection-timeout) instead of racing in the engine.
	 */
	@Test
	@Order(6)
	void parallelRedemptionsOfOneOfferHaveExactlyOneWinner() throws Exception {
		try (ConfigurableApplicationContext racing = StackApplications.startDashboard(jdbcUrl(), RACERS)) {
			List<Offer> drinkOffers = offersOf(racing.getBean(OfferRows.class), racing.getBean(RedemptionService.class),
					OfferType.DRINK);
			assertThat(drinkOffers.stream().map(RisingWaveStackTest::render)).containsExactly(drinkOffer());
			OfferToRedeem offer = drinkOffers.getFirst().toRedeem();
			// Every click gets its own session: wait until the pool holds all its connections.
			await().atMost(Duration.ofSeconds(30))
				.until(() -> hikari(racing).getHikariPoolMXBean().getTotalConnections() == RACERS);
			RedemptionService redemptions = racing.getBean(RedemptionService.class);
			CountDownLatch ready = new CountDownLatch(RACERS);
			CountDownLatch go = new CountDownLatch(1);
			ExecutorService clicks = Executors.newFixedThreadPool(RACERS);
			List<RedemptionOutcome> outcomes = new ArrayList<>();
			LocalDateTime before = utcNow();
			try {
				List<Future<RedemptionOutcome>> futures = new ArrayList<>();
				for (int i = 1; i <= RACERS; i++) {
					String host = "host-%02d".formatted(i);
					futures.add(clicks.submit(() -> {
						StackApplications.signIn(racing, host, StaffRole.HOST);
						ready.countDown();
						go.await();
						return redemptions.redeem(offer);
					}));
				}
				assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
				go.countDown();
				for (Future<RedemptionOutcome> future : futures) {
					outcomes.add(future.get(1, TimeUnit.MINUTES));
				}
			}
			finally {
				clicks.shutdownNow();
			}
			LocalDateTime after = utcNow();

			assertThat(outcomes).as("no click failed: %s", outcomes)
				.noneMatch(RedemptionOutcome.Failed.class::isInstance);
			List<Redemption> winners = outcomes.stream()
				.filter(RedemptionOutcome.Won.class::isInstance)
				.map(outcome -> ((RedemptionOutcome.Won) outcome).redemption())
				.toList();
			assertThat(winners).as("exactly one winner among %s", outcomes).hasSize(1);
			Redemption winner = winners.getFirst();
			assertThat(winner.redeemedBy()).matches("host-\\d\\d");
			assertThat(winner.redeemedAt()).isBetween(before, after);
			assertThat(winner).isEqualTo(new Redemption(1001, "Alice Carter", OfferType.DRINK, winner.redemptionDate(), T0,
					T1, winner.redeemedAt(), winner.redeemedBy()));
			assertThat(outcomes).as("every other click is told who redeemed it")
				.filteredOn(RedemptionOutcome.AlreadyRedeemed.class::isInstance)
				.hasSize(RACERS - 1)
				.allSatisfy(outcome -> {
					assertThat(outcome).isEqualTo(new RedemptionOutcome.AlreadyRedeemed(winner));
					assertThat(outcome.message()).contains("already redeemed");
				});
			assertThat(rows("SELECT count(*) FROM redeemed_offers WHERE member_id = 1001 AND offer_type = 'drink'"))
				.containsExactly(row(1));
			assertThat(rows("""
					SELECT member_id, member_name, offer_type, redemption_date, window_start, window_end, redeemed_at, redeemed_by
					FROM redeemed_offers WHERE offer_type = 'drink'""")).containsExactly(row(1001, "Alice Carter", "drink",
					winner.redemptionDate(), T0, T1, winner.redeemedAt(), winner.redeemedBy()));
		}
		// The dashboard under test sees both redemptions: its board marks the drink offer redeemed too.
		assertThat(bean(RedemptionService.class).recent()).hasSize(2).contains(hotelRedemption);
	}

	/**
	 * Every statement of the script is re-runnable (CREATE … IF NOT EXISTS, the seed INSERT on a table that is
	 * ON CONFLICT DO NOTHING): a second start of the generator leaves the catalog as it was (the same
	 * relations, with the same ids, creation times and definitions: nothing dropped and re-created), keeps a
	 * threshold changed since the first run, and leaves what the views hold.
	 */
	@Test
	@Order(7)
	void schemaInitialiserRunTwiceLeavesTheCatalogTheRulesAndTheViewsAsTheyWere() throws Exception {
		LocalDateTime changedAt = changeHotelThreshold("5500"); // Alice spent 5500: still her offer
		Map<String, List<String>> catalog = catalog();
		assertThat(catalog.get("relations")).extracting(relation -> relation.substring(0, relation.indexOf(" | ", relation.indexOf(" | ") + 3)))
			.as("the script's relations, none missing, none extra (kind | name)")
			.containsExactly("materialized view | drink_offers", "materialized view | game_stats",
					"materialized view | hotel_room_offers", "materialized view | member_daily_summary",
					"materialized view | member_leaderboard", "materialized view | member_window_live",
					"sink | loyalty_drink_offers", "sink | loyalty_hotel_offers", "sink | loyalty_redemptions",
					"source | gaming_transactions", "table | offer_rules", "table | redeemed_offers",
					"table | staff_actions");
		assertThat(catalog.get("relations")).allSatisfy(relation -> assertThat(relation).contains(" | CREATE "));
		assertThat(catalog.get("materialized views")).hasSize(6);
		assertThat(catalog.get("tables")).hasSize(3);
		assertThat(catalog.get("sources")).hasSize(1);
		assertThat(catalog.get("sinks")).hasSize(3);
		List<String> rules = rules();
		assertThat(rules).containsExactly(row("drink", 1000, null), row("hotel", 5500, changedAt));
		List<String> hotelOffers = offers(OfferType.HOTEL);
		List<String> drinkOffers = offers(OfferType.DRINK);
		List<String> windows = windows();

		StackApplications.runSchemaInitialiser(REDPANDA.getBootstrapServers(), jdbcUrl(), IN_NETWORK_BROKER);

		assertThat(catalog()).isEqualTo(catalog);
		assertThat(rules()).as("the seed INSERT does not overwrite a changed threshold").isEqualTo(rules);
		assertThat(offers(OfferType.HOTEL)).isEqualTo(hotelOffers).containsExactly(hotelOffer());
		assertThat(offers(OfferType.DRINK)).isEqualTo(drinkOffers);
		assertThat(windows()).isEqualTo(windows);
	}

	/**
	 * The sinks (docs/decisions.md D20): one record per offer on loyalty-offers when its window closed, under the
	 * rule in force then. The thresholds test lowered the hotel rule to 400 after the first window closed, so Ben's
	 * window shows in hotel_room_offers for a moment but never reaches the topic. And one record on
	 * loyalty-redemptions per redemption that took, none for the refused duplicates.
	 */
	@Test
	@Order(9)
	void theSinksHandEachOfferOnceUnderTheRuleOfItsCloseAndEachRedemptionOnce() {
		List<ConsumerRecord<String, String>> offers = everythingOn("loyalty-offers");
		assertThat(offers).extracting(ConsumerRecord::key).containsOnly("1001");
		assertThat(offers).extracting(record -> JSON.readTree(record.value()))
			.as("Alice's window only, whatever the rule did later (the sinks write keys in alphabetical order)")
			.containsExactlyInAnyOrder(JSON.readTree("""
					{"last_transaction":"%1$s","member_id":1001,"member_name":"Alice Carter","net_amount":-5000.0,
					 "offer_id":"hotel:1001:%2$s","offer_type":"hotel","reward_type":"Complimentary Hotel Room (1 night)",
					 "total_spend":5500.0,"transaction_count":3,"window_end":"%3$s","window_start":"%2$s.000"}""".formatted(
					CONTRACT.format(T0.plusSeconds(30)), CONTRACT.format(T0).substring(0, 19), CONTRACT.format(T1))),
					JSON.readTree("""
					{"last_transaction":"%1$s","loss_amount":5000.0,"member_id":1001,"member_name":"Alice Carter",
					 "net_amount":-5000.0,"offer_id":"drink:1001:%2$s","offer_type":"drink",
					 "reward_type":"Complimentary Premium Drink","total_spend":5500.0,"transaction_count":3,
					 "window_end":"%3$s","window_start":"%2$s.000"}""".formatted(CONTRACT.format(T0.plusSeconds(30)),
					CONTRACT.format(T0).substring(0, 19), CONTRACT.format(T1))));

		List<ConsumerRecord<String, String>> redemptions = everythingOn("loyalty-redemptions");
		assertThat(redemptions).extracting(record -> JSON.readTree(record.value()).get("offer_id").asString())
			.containsExactlyInAnyOrder("hotel:1001:" + CONTRACT.format(T0).substring(0, 19),
					"drink:1001:" + CONTRACT.format(T0).substring(0, 19));
		assertThat(redemptions).extracting(record -> JSON.readTree(record.value()).get("redeemed_by").asString())
			.contains(hotelRedemption.redeemedBy());
	}

	/** Every record a topic holds, read from the start by a consumer group of its own. */
	private static List<ConsumerRecord<String, String>> everythingOn(String topic) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, REDPANDA.getBootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "stack-test-" + topic);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			// the sink delivers asynchronously: read until a few seconds pass with nothing new
			long quietSince = System.nanoTime();
			while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
				var polled = consumer.poll(Duration.ofMillis(500));
				polled.forEach(records::add);
				if (!polled.isEmpty()) {
					quietSince = System.nanoTime();
				}
			}
		}
		return records;
	}

	/** The audit trail can only grow: RisingWave's APPEND ONLY table refuses UPDATE and DELETE (its binder's words). */
	@Test
	@Order(8)
	void theAuditTrailRefusesUpdateAndDelete() throws Exception {
		List<String> before = rows("SELECT staff_user, action, target FROM staff_actions ORDER BY acted_at");
		assertThat(before).as("the redemptions and threshold changes above").isNotEmpty();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.executeUpdate("UPDATE staff_actions SET staff_user = 'nobody'"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("append-only table does not support update or delete");
			assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM staff_actions"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("append-only table does not support update or delete");
		}
		assertThat(rows("SELECT staff_user, action, target FROM staff_actions ORDER BY acted_at")).isEqualTo(before);
	}

	// ---- the dashboard's reads, each row in the notation {@link #row} writes the expectations in

	/** Every window of the test, newest first, each as the All Members tab pages it (highest spend first). */
	private static List<String> windows() {
		return Stream.of(T1, T0)
			.flatMap(start -> bean(MemberRows.class).window(start, MemberSearch.EVERYONE, null, 0, PagedQuery.MAX_ROWS).stream())
			.map(RisingWaveStackTest::render)
			.toList();
	}

	private static List<String> leaderboard() {
		return bean(MemberRows.class).leaderboard(MemberSearch.EVERYONE, null, 0, PagedQuery.MAX_ROWS)
			.stream()
			.map(RisingWaveStackTest::render)
			.toList();
	}

	private static List<String> gameStats() {
		return bean(AnalyticsRepository.class).gameStats().stream().map(RisingWaveStackTest::render).toList();
	}

	private static List<String> offers(OfferType type) {
		return offersOf(bean(OfferRows.class), bean(RedemptionService.class), type).stream()
			.map(RisingWaveStackTest::render)
			.toList();
	}

	/** The offers of the test's one closed window (T0), as the Hotel or Drink tab pages them. */
	private static List<Offer> offersOf(OfferRows rows, RedemptionService redemptions, OfferType type) {
		return rows.window(type, T0, redemptions.businessDate(), MemberSearch.EVERYONE, null, 0, PagedQuery.MAX_ROWS)
			.stream()
			.map(OfferBoard.Line::offer)
			.toList();
	}

	/** The one offer of this type, as the Hotel or Drink tab gets it to redeem. */
	private static Offer onlyOffer(OfferType type) {
		List<Offer> offers = offersOf(bean(OfferRows.class), bean(RedemptionService.class), type);
		assertThat(offers).hasSize(1);
		return offers.getFirst();
	}

	private static List<Long> offeredMembers(OfferType type) {
		return offersOf(bean(OfferRows.class), bean(RedemptionService.class), type).stream().map(Offer::memberId).toList();
	}

	private static List<String> rules() {
		return bean(OfferRuleRepository.class).findAll()
			.stream()
			.sorted(Comparator.comparing(rule -> rule.type().key()))
			.map(RisingWaveStackTest::render)
			.toList();
	}

	/** Changes the hotel threshold as the Rules tab does; returns the updated_at the dashboard reads back. */
	private static LocalDateTime changeHotelThreshold(String threshold) {
		LocalDateTime before = utcNow();
		StackApplications.signIn(dashboard, "rules-manager", StaffRole.MANAGER);
		bean(OfferRuleService.class).changeThreshold(OfferType.HOTEL, new BigDecimal(threshold));
		LocalDateTime after = utcNow();
		OfferRule hotel = bean(OfferRuleRepository.class).findAll()
			.stream()
			.filter(rule -> rule.type() == OfferType.HOTEL)
			.findFirst()
			.orElseThrow();
		assertThat(hotel.threshold()).isEqualByComparingTo(threshold);
		assertThat(hotel.updatedAt()).isBetween(before, after);
		return hotel.updatedAt();
	}

	/** The shared poller's next read (the one every open browser would get), asked for as after a redemption. */
	private static LiveSnapshot refreshedSnapshot() {
		SnapshotPoller poller = bean(SnapshotPoller.class);
		Instant asked = Instant.now();
		poller.refreshNow();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			LiveState state = poller.state();
			return state.outage().isPresent() || state.snapshot().filter(s -> s.readAt().isAfter(asked)).isPresent();
		});
		LiveState state = poller.state();
		assertThat(state.outage()).as("the poller's read failed").isEmpty();
		return state.snapshot().orElseThrow();
	}

	/** Everything the tabs show, as the snapshot built it through SnapshotReader. */
	private static void assertSnapshot(LiveSnapshot snapshot, String as) {
		OfferBoards boards = snapshot.part(OffersLiveQuery.class);
		RecentRedemptions recent = snapshot.part(RedemptionsLiveQuery.class);
		MemberActivity members = snapshot.part(MembersLiveQuery.class);
		assertThat(snapshot.engine()).as(as).isEqualTo(Engine.RISINGWAVE);
		assertThat(snapshot.watermark()).as(as).isEqualTo(new Watermark(T1, T1.plusSeconds(9)));
		assertThat(snapshot.part(RulesLiveQuery.class).byType().values().stream().sorted(Comparator.comparing(rule -> rule.type().key()))
			.map(RisingWaveStackTest::render)).as(as)
			.containsExactly(row("drink", 1000, null), row("hotel", 5000, hotelRuleUpdatedAt));
		OfferBoard.LatestWindow hotel = boards.board(OfferType.HOTEL).latest().orElseThrow();
		assertThat(hotel.counts()).as(as).isEqualTo(new WindowCount(T0, T1, 1, 1, 0));
		assertThat(hotel.firstLines()).as(as).hasSize(1);
		assertThat(render(hotel.firstLines().getFirst().offer())).as(as).isEqualTo(hotelOffer());
		assertThat(hotel.firstLines().getFirst().status()).as(as).isEqualTo(OfferStatus.REDEEMED);
		assertThat(hotel.firstLines().getFirst().redemption()).as(as).isEqualTo(hotelRedemption);
		OfferBoard.LatestWindow drink = boards.board(OfferType.DRINK).latest().orElseThrow();
		assertThat(drink.counts()).as(as).isEqualTo(new WindowCount(T0, T1, 1, 0, 1));
		assertThat(drink.firstLines()).as(as).hasSize(1);
		assertThat(render(drink.firstLines().getFirst().offer())).as(as).isEqualTo(drinkOffer());
		assertThat(drink.firstLines().getFirst().status()).as(as).isEqualTo(OfferStatus.PENDING);
		assertThat(boards.board(OfferType.HOTEL).onTrack().orElseThrow().counts()).as(as).isEqualTo(new OnTrackCount(1, 0));
		assertThat(snapshot.part(FulfillmentLiveQuery.class).firstLines()).as(as)
			.extracting(line -> render(line.offer()))
			.containsExactly(drinkOffer());
		assertThat(recent.redemptions()).as(as).containsExactly(hotelRedemption);
		assertThat(snapshot.part(AnalyticsLiveQuery.class).games().stream().map(RisingWaveStackTest::render)).as(as)
			.containsExactly(expectedGameStats());
		assertThat(members.leaderboard().stream().map(RisingWaveStackTest::render)).as(as)
			.containsExactly(expectedLeaderboard());
		assertThat(members.openWindow()).as(as).isEqualTo(T1);
		assertThat(members.openWindowMembers().stream().map(RisingWaveStackTest::render)).as(as)
			.containsExactly(closedWindows()[0]);
	}

	// ---- what the steps above produced

	private static String hotelOffer() {
		return row("hotel", 1001, "Alice Carter", 5500, -5000, 5500, 3, T0.plusSeconds(30), T0, T1);
	}

	private static String drinkOffer() {
		return row("drink", 1001, "Alice Carter", 5500, -5000, 5000, 3, T0.plusSeconds(30), T0, T1);
	}

	private static String[] closedWindows() {
		return new String[] { row(1011, "Chloe Park", 50, 0, -50, 1, T1.plusSeconds(9), T1, T1.plusMinutes(5), false),
				row(1001, "Alice Carter", 5500, 500, -5000, 3, T0.plusSeconds(30), T0, T1, true),
				row(1006, "Ben Ortiz", 500, 1000, 500, 3, T0.plusMinutes(4).plusSeconds(50), T0, T1, true) };
	}

	/** The dashboard's order: house edge first (highest), then by name. */
	private static String[] expectedGameStats() {
		return new String[] { row("poker", 1, 50, 0, 50, 1), row("slot", 2, 3100, 0, 3100, 1),
				row("blackjack", 1, 2500, 500, 2000, new BigDecimal("0.8")),
				row("roulette", 1, 400, 1000, -600, new BigDecimal("-1.5")) };
	}

	/** The dashboard's order: lifetime spend, highest first. */
	private static String[] expectedLeaderboard() {
		return new String[] { row(1001, "Alice Carter", 5500, 500, -5000, 3, T0.plusSeconds(30)),
				row(1006, "Ben Ortiz", 500, 1000, 500, 3, T0.plusMinutes(4).plusSeconds(50)),
				row(1011, "Chloe Park", 50, 0, -50, 1, T1.plusSeconds(9)) };
	}

	private static String render(MemberWindow w) {
		return row(w.memberId(), w.memberName(), w.totalSpend(), w.totalWinnings(), w.netAmount(), w.transactionCount(),
				w.lastTransaction(), w.windowStart(), w.windowEnd(), w.closed());
	}

	private static String render(LeaderboardEntry e) {
		return row(e.memberId(), e.memberName(), e.lifetimeSpend(), e.lifetimeWinnings(), e.lifetimeNet(),
				e.lifetimeTransactions(), e.lastSeen());
	}

	private static String render(GameStats g) {
		return row(g.gameType(), g.betCount(), g.totalWagered(), g.totalPaidOut(), g.houseNet(), g.houseEdge());
	}

	private static String render(Offer o) {
		return row(o.type().key(), o.memberId(), o.memberName(), o.totalSpend(), o.netAmount(), o.qualifyingAmount(),
				o.transactionCount(), o.lastTransaction(), o.windowStart(), o.windowEnd());
	}

	private static String render(OfferRule r) {
		return row(r.type().key(), r.threshold(), r.updatedAt());
	}

	// ---- the catalog (rw_catalog at v2.8.5), compared as text

	/**
	 * The user relations in schema public by kind and name (rw_relations also lists the system tables), and
	 * each kind's own catalog with its identity (id, creation time) and state, so a relation dropped and
	 * re-created with the same definition still differs.
	 */
	private static Map<String, List<String>> catalog() throws SQLException {
		Map<String, List<String>> catalog = new LinkedHashMap<>();
		catalog.put("relations", text("""
				SELECT r.relation_type, r.name, r.id, r.definition
				FROM rw_catalog.rw_relations r JOIN rw_catalog.rw_schemas s ON s.id = r.schema_id
				WHERE s.name = 'public' ORDER BY r.relation_type, r.name"""));
		catalog.put("materialized views", text("""
				SELECT name, id, definition, append_only, status, created_at, initialized_at
				FROM rw_catalog.rw_materialized_views ORDER BY name"""));
		catalog.put("tables", text("""
				SELECT name, id, definition, append_only, created_at, initialized_at
				FROM rw_catalog.rw_tables ORDER BY name"""));
		catalog.put("sinks", text("""
				SELECT name, id, connector, sink_type, definition, created_at, initialized_at
				FROM rw_catalog.rw_sinks ORDER BY name"""));
		catalog.put("sources", text("""
				SELECT name, id, connector, columns, format, row_encode, definition, is_shared, created_at, initialized_at
				FROM rw_catalog.rw_sources ORDER BY name"""));
		return catalog;
	}

	// ---- the stream, as the generator writes it

	private static void play(long memberId, String memberName, String type, String amount, String gameType,
			LocalDateTime time) {
		send(String.valueOf(memberId), new TransactionEvent(TRANSACTION_IDS.incrementAndGet(), memberId, memberName, type,
				new BigDecimal(amount), gameType, time));
	}

	/** The generator's heartbeat record: no member, name, amount or game (CasinoSimulator.heartbeat). */
	private static void heartbeat(LocalDateTime time) {
		send(null, new TransactionEvent(TRANSACTION_IDS.incrementAndGet(), null, null, TransactionEvent.HEARTBEAT, null,
				null, time));
	}

	/**
	 * Design §2, in the generator's own record type and its JSON annotations. Everything on partition 0, so
	 * RisingWave reads the events in the order the steps rely on.
	 */
	private static void send(String key, TransactionEvent event) {
		producer.send(new ProducerRecord<>(TOPIC, 0, key, JSON.writeValueAsString(event)));
	}

	// ---- plumbing

	private static <T> T bean(Class<T> type) {
		return dashboard.getBean(type);
	}

	private static HikariDataSource hikari(ConfigurableApplicationContext context) throws SQLException {
		return context.getBean(DataSource.class).unwrap(HikariDataSource.class);
	}

	/** The pgjdbc connection behind the dashboard's pool (of one): the same object as long as no other was opened. */
	private static PGConnection physicalConnection() throws SQLException {
		try (Connection pooled = bean(DataSource.class).getConnection()) {
			return pooled.unwrap(PGConnection.class);
		}
	}

	/** The server's clock as the dashboard's Clock reads it, at the microsecond precision TIMESTAMP keeps. */
	private static LocalDateTime utcNow() {
		return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	private static String jdbcUrl() {
		return "jdbc:postgresql://" + RISINGWAVE.getHost() + ":" + RISINGWAVE.getMappedPort(4566) + "/dev";
	}

	/** The test's own connections, for catalog and whole-row checks, with the product's driver setting (D16). */
	private static Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "root");
		properties.setProperty("password", "");
		properties.setProperty("prepareThreshold", "0");
		return DriverManager.getConnection(jdbcUrl(), properties);
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

	/** Each row as its values' text joined by " | ", exactly as the engine sent them. */
	private static List<String> text(String query) throws SQLException {
		return rows(query, ResultSet::getString);
	}

	/** Each row as its values joined by " | ", in the notation {@link #row} writes the expectations in. */
	private static List<String> rows(String query) throws SQLException {
		return rows(query, ResultSet::getObject);
	}

	private interface Column {

		Object read(ResultSet result, int index) throws SQLException;

	}

	private static List<String> rows(String query, Column column) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				Object[] values = new Object[columns];
				for (int i = 0; i < columns; i++) {
					values[i] = column.read(result, i + 1);
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
				case Timestamp timestamp -> TIME.format(timestamp.toLocalDateTime());
				case LocalDateTime time -> TIME.format(time);
				case Date date -> date.toLocalDate().toString();
				case LocalDate date -> date.toString();
				default -> value.toString();
			});
		}
		return row.toString();
	}

}
