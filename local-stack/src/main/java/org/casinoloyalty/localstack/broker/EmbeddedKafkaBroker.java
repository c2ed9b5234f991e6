package org.casinoloyalty.localstack.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.network.BindAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node Apache Kafka broker in KRaft mode, standing in for Redpanda. Its log directory is
 * formatted once and kept, so topics and offsets survive a restart. It creates local mode's topics
 * before anything connects: the generator only checks that its topic exists, it never creates it.
 */
public class EmbeddedKafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

	private final KafkaRaftServer server;
	private final String bootstrapServers;
	private final Admin admin;

	private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000));
	}

	public static EmbeddedKafkaBroker start(LocalStackProperties.Kafka kafka, BindAddress bind, Path dataDirectory) {
		int port = kafka.port() == 0 ? freePort() : kafka.port();
		int controllerPort = kafka.controllerPort() == 0 ? freePort() : kafka.controllerPort();
		Path logDir = dataDirectory.resolve("kafka");
		Properties props = brokerProperties(bind, port, controllerPort, logDir);
		format(props, logDir);
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
		server.startup();
		String bootstrap = bind.clientHost() + ":" + port;
		EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap);
		broker.ensureTopic(kafka.topic(), kafka.partitions());
		// Local mode's one owner of its topics (docs/architecture.md, "Who sets up what"); the DLT has one partition (D10).
		broker.ensureTopic(kafka.deadLetterTopic(), 1);
		kafka.sinkTopics().forEach(sinkTopic -> broker.ensureTopic(sinkTopic, kafka.partitions()));
		log.info("Kafka broker (KRaft) listening on {}:{} (advertised as {}:{}) with topics '{}' ({} partitions), '{}' "
				+ "and {}, data in {}", bind.kafkaListenerHost(), port, bind.kafkaAdvertisedHost(), port, kafka.topic(),
				kafka.partitions(), kafka.deadLetterTopic(), kafka.sinkTopics(), logDir);
		return broker;
	}

	public String bootstrapServers() {
		return bootstrapServers;
	}

	/** The cluster id as the broker reports it, or an exception when it does not answer in time. */
	public String clusterId() throws ExecutionException, InterruptedException, TimeoutException {
		return admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
	}

	private static Properties brokerProperties(BindAddress bind, int port, int controllerPort, Path logDir) {
		Properties props = new Properties();
		props.putAll(Map.ofEntries(
				Map.entry("process.roles", "broker,controller"),
				Map.entry("node.id", "1"),
				// the controller is this process talking to itself: loopback whatever CASINO_BIND says
				Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
				Map.entry("listeners", "PLAINTEXT://" + bind.kafkaListenerHost() + ":" + port + ",CONTROLLER://127.0.0.1:"
						+ controllerPort),
				Map.entry("advertised.listeners", "PLAINTEXT://" + bind.kafkaAdvertisedHost() + ":" + port),
				Map.entry("controller.listener.names", "CONTROLLER"),
				Map.entry("inter.broker.listener.name", "PLAINTEXT"),
				Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
				Map.entry("log.dirs", logDir.toString()),
				Map.entry("num.partitions", "3"),
				Map.entry("offsets.topic.replication.factor", "1"),
				Map.entry("offsets.topic.num.partitions", "3"),
				Map.entry("transaction.state.log.replication.factor", "1"),
				Map.entry("transaction.state.log.min.isr", "1"),
				Map.entry("share.coordinator.state.topic.replication.factor", "1"),
				Map.entry("share.coordinator.state.topic.min.isr", "1"),
				Map.entry("group.initial.rebalance.delay.ms", "0"),
				// A demo at 10,000 events/s writes ~2 GB an hour: keep a bounded tail, not everything.
				Map.entry("log.retention.bytes", String.valueOf(512L * 1024 * 1024)),
				Map.entry("log.segment.bytes", String.valueOf(64L * 1024 * 1024))));
		return props;
	}

	/** Formats a new log directory once; a formatted one keeps its cluster id, topics and offsets. */
	private static void format(Properties props, Path logDir) {
		if (Files.exists(logDir.resolve("meta.properties"))) {
			return;
		}
		try {
			Files.createDirectories(logDir);
			Path config = logDir.resolveSibling("kafka-server.properties");
			try (var out = Files.newOutputStream(config)) {
				props.store(out, "written by local-stack for kafka-storage format");
			}
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			StorageTool.execute(new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c",
					config.toString() }, new PrintStream(output, true, StandardCharsets.UTF_8));
			log.debug("kafka-storage format: {}", output.toString(StandardCharsets.UTF_8).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare the Kafka log directory " + logDir, ex);
		}
	}

	private void ensureTopic(String topic, int partitions) {
		try {
			admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("Could not create topic " + topic, ex.getCause());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating topic " + topic, ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

	@Override
	public void close() {
		admin.close();
		server.shutdown();
		server.awaitShutdown();
		log.info("Kafka broker on {} stopped", bootstrapServers);
	}

}
