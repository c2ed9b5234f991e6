package org.casinoloyalty.localstack;

import org.casinoloyalty.localstack.broker.EmbeddedKafkaBroker;
import org.casinoloyalty.localstack.database.EmbeddedSqlServer;
import org.casinoloyalty.localstack.network.BindAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** One banner, once everything listens: what runs where, so an operator needs nothing else. */
@Component
class ReadyBanner {

	private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

	private final EmbeddedKafkaBroker broker;
	private final EmbeddedSqlServer sql;
	private final LocalStackProperties properties;
	private final BindAddress bind;
	private final Environment environment;

	ReadyBanner(EmbeddedKafkaBroker broker, EmbeddedSqlServer sql, LocalStackProperties properties, BindAddress bind,
			Environment environment) {
		this.broker = broker;
		this.sql = sql;
		this.properties = properties;
		this.bind = bind;
		this.environment = environment;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		Duration took = event.getTimeTaken();
		log.info("""

				==> local-stack ready in {} s: Apache Kafka + PostgreSQL standing in for Redpanda + RisingWave
				      Kafka    {}   topics '{}' ({} partitions), dead letters '{}'
				      SQL      psql -h 127.0.0.1 -p {} -d {} -U {}   (jdbc: {})
				      Network  {}
				      Health   {}
				      Data     {}   (kept across restarts; make clean removes it)""",
				String.format("%.1f", took.toMillis() / 1000.0), broker.bootstrapServers(), properties.kafka().topic(),
				properties.kafka().partitions(), properties.kafka().deadLetterTopic(), sql.port(),
				properties.sql().database(), properties.sql().username(), sql.jdbcUrl(), network(),
				healthUrl(), properties.dataDirectory().toAbsolutePath().normalize());
	}

	private String network() {
		if (!bind.open()) {
			return "Kafka and SQL on loopback only (CASINO_BIND opens them)";
		}
		return "open to other machines (CASINO_BIND=" + bind + "): Kafka advertised as " + bind.kafkaAdvertisedHost()
				+ " and WITHOUT authentication (anyone there can write events and read offers), SQL with the password "
				+ "of CASINO_SQL_PASSWORD";
	}

	private String healthUrl() {
		String port = environment.getProperty("local.server.port");
		return port == null ? "no web server in this process" : "http://localhost:" + port + "/actuator/health";
	}

}
