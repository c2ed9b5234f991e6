package org.casinoloyalty.generator.schema;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.StartupRetry;
import org.casinoloyalty.generator.publishing.BrokerConnectionHealthIndicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Docker mode's one owner of the set-up (docs/architecture.md, "Who sets up what"): wait for the
 * broker, create the topics with their partitions when missing (CREATE SOURCE fails on a missing one,
 * a sink never creates its own, and a broker that auto-creates one would give it one partition),
 * wait for the SQL engine, then
 * apply the schema script statement by statement ({@link SchemaScript}). Runs before the
 * application is ready, so the generator publishes only once the schema stands; its health
 * ("schema") stays OUT_OF_SERVICE until then. Every statement of the script is re-runnable, so a
 * restart applies it again harmlessly.
 */
@Component("schema")
@ConditionalOnBooleanProperty("casino.schema.enabled")
@Order(0)
class SchemaInitializer implements ApplicationRunner, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(SchemaInitializer.class);

	private static final long BROKER_TIMEOUT_MILLIS = 5_000;

	private final SchemaProperties schema;
	private final GeneratorProperties generator;
	private final Map<String, Object> adminConfig;
	private final String bootstrapServers;
	private final StartupRetry retry;
	private final EventTopicRetention eventRetention;
	private volatile Health health = Health.outOfService().withDetail("phase", "waiting to start").build();

	SchemaInitializer(SchemaProperties schema, GeneratorProperties generator, KafkaAdmin kafkaAdmin, BrokerConnectionHealthIndicator broker) {
		this.bootstrapServers = broker.bootstrapServers();
		this.schema = schema;
		this.generator = generator;
		this.adminConfig = kafkaAdmin.getConfigurationProperties();
		this.retry = new StartupRetry(schema.maxAttempts(), schema.retryInterval());
		this.eventRetention = new EventTopicRetention(schema.rawEventRetention(), BROKER_TIMEOUT_MILLIS);
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> statements = SchemaScript.statements(read(), schema.engineBroker());
		try (AdminClient admin = AdminClient.create(adminConfig)) {
			phase("waiting for the broker");
			String broker = "Kafka API broker at " + bootstrapServers;
			retry.attempt(broker, () -> admin.describeCluster().nodes().get(BROKER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
			for (String topic : topics()) {
				phase("making sure topic " + topic + " exists");
				retry.attempt("topic " + topic + " on the " + broker, () -> ensureTopic(admin, topic));
			}
		}
		phase("waiting for the SQL engine");
		String engine = "SQL engine at " + schema.jdbcUrl();
		retry.attempt(engine, () -> {
			try (Connection connection = connect()) {
				apply(connection, statements);
			}
			return null;
		});
		health = Health.up().withDetail("statements", statements.size()).withDetail("jdbcUrl", schema.jdbcUrl()).build();
		log.info("Schema ready: {} statements of {} applied at {}", statements.size(), schema.script().getDescription(), schema.jdbcUrl());
	}

	@Override
	public Health health() {
		return health;
	}

	private void phase(String phase) {
		health = Health.outOfService().withDetail("phase", phase).build();
	}

	/** The events' topic, then the sinks' topics: a RisingWave sink never creates its topic (D20). */
	private List<String> topics() {
		return Stream.concat(Stream.of(generator.topic()), schema.sinkTopics().stream()).toList();
	}

	private boolean ensureTopic(AdminClient admin, String topic)
			throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
		boolean events = topic.equals(generator.topic());
		if (admin.listTopics().names().get(BROKER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).contains(topic)) {
			if (events) {
				eventRetention.align(admin, topic);
			}
			return false;
		}
		NewTopic newTopic = new NewTopic(topic, generator.partitions(), (short) generator.replicationFactor());
		try {
			admin.createTopics(List.of(events ? eventRetention.onCreate(newTopic) : newTopic))
				.all()
				.get(BROKER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
			log.info("Created topic {} with {} partitions, replication factor {}{}", topic, generator.partitions(),
					generator.replicationFactor(),
					events ? ", records kept " + schema.rawEventRetention() + " (retention.ms)" : "");
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
		return true;
	}

	/** Autocommit, one statement at a time: RisingWave has no read-write transactions. */
	private Connection connect() throws SQLException {
		Properties credentials = new Properties();
		credentials.setProperty("user", schema.username());
		credentials.setProperty("password", schema.password());
		// RisingWave's binary date-times read wrong in pgjdbc after 5 executions of one statement (D16).
		credentials.setProperty("prepareThreshold", "0");
		Connection connection = DriverManager.getConnection(schema.jdbcUrl(), credentials);
		connection.setAutoCommit(true);
		return connection;
	}

	private void apply(Connection connection, List<String> statements) throws SQLException {
		phase("applying " + statements.size() + " statements");
		for (int i = 0; i < statements.size(); i++) {
			String statement = statements.get(i);
			log.info("Applying statement {}/{}: {}", i + 1, statements.size(), SchemaScript.summary(statement));
			try (Statement jdbc = connection.createStatement()) {
				jdbc.execute(statement);
			}
			catch (SQLException ex) {
				throw new SQLException("statement " + (i + 1) + " failed (" + SchemaScript.summary(statement) + "): " + ex.getMessage(),
						ex.getSQLState(), ex);
			}
		}
	}

	private String read() {
		try {
			return schema.script().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the schema script " + schema.script().getDescription(), ex);
		}
	}

}
