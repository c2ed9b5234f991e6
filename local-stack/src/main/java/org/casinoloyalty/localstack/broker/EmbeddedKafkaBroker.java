package org.casinoloyalty.localstack.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node Apache Kafka broker in KRaft mode, standing in for Redpanda. Its log directory is
 * formatted once and kept, so topics and offsets survive a restart. It creates local mode's topics
 * before anything connects: the generator only checks that its topic exists, it never creates it. The
 * events' topic keeps its records for the raw-event retention ({@code retention.ms}), as Redpanda's does in
 * Docker mode (docs/decisions.md D23).
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

	/**
	 * @param eventRetention how long topic {@code kafka.topic()} keeps its records; set on a topic made
	 *        before with another retention too
	 */
	public static EmbeddedKafkaBroker start(LocalStackProperties.Kafka kafka, Duration eventRetention, BindAddress bind,
			Path dataDirectory) {
		int port = kafka.port() == 0 ? freePort() : kafka.port();
		int controllerPort = kafka.controllerPort() == 0 ? freePort() : kafka.controllerPort();
		Path logDir = dataDirectory.resolve("kafka");
		Properties props = brokerProperties(bind, port, controllerPort, logDir);
		format(props, logDir);
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
		server.startup();
		String bootstrap = bind.clientHost() + ":" + port;
		EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap);
		broker.ensureTopic(kafka.topic(), kafka.partitions(), eventRetention);
		// Local mode's one owner of its topics (docs/architecture.md, "Who sets up what"); the DLT has one partition (D10).
		broker.ensureTopic(kafka.deadLetterTopic(), 1, null);
		kafka.sinkTopics().forEach(sinkTopic -> broker.ensureTopic(sinkTopic, kafka.partitions(), null));
		log.info("Kafka broker (KRaft) listening on {}:{} (advertised as {}:{}) with topics '{}' ({} partitions, records"
				+ " kept {}), '{}' and {}, data in {}", bind.kafkaListenerHost(), port, bind.kafkaAdvertisedHost(), port,
				kafka.topic(), kafka.partitions(), eventRetention, kafka.deadLetterTopic(), kafka.sinkTopics(), logDir);
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

	/** Creates the topic; with a retention, also sets it on the topic when it exists with another one. */
	private void ensureTopic(String topic, int partitions, Duration retention) {
		NewTopic newTopic = new NewTopic(topic, partitions, (short) 1);
		if (retention != null) {
			newTopic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())));
		}
		try {
			try {
				admin.createTopics(List.of(newTopic)).all().get();
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw ex;
				}
				if (retention != null) {
					alignRetention(topic, retention);
				}
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not create topic " + topic, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating topic " + topic, ex);
		}
	}

	/**
	 * casino.local-stack.retention.raw-events decides, as it does for the table: a changed setting takes at the
	 * next start. Set on the topic itself, so that no change of the broker's default moves it.
	 */
	private void alignRetention(String topic, Duration retention) throws ExecutionException, InterruptedException {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		String wanted = String.valueOf(retention.toMillis());
		ConfigEntry current = admin.describeConfigs(List.of(resource)).all().get().get(resource).get(TopicConfig.RETENTION_MS_CONFIG);
		if (current != null && current.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && wanted.equals(current.value())) {
			return;
		}
		admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
				new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, wanted), AlterConfigOp.OpType.SET)))).all().get();
		log.info("Topic '{}': retention.ms was {}, set to {} ({})", topic, current == null ? "unset" : current.value(), wanted,
				retention);
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
