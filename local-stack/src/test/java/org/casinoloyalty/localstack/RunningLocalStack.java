package org.casinoloyalty.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casinoloyalty.localstack.broker.EmbeddedKafkaBroker;
import org.casinoloyalty.localstack.database.TableRows;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;

/**
 * local-stack started in-process on free ports and a given data directory, with a producer and
 * SQL access: what the tests and the benchmark drive it through.
 */
public final class RunningLocalStack implements AutoCloseable {

	public static final String TOPIC = "gaming-transactions";
	public static final String DEAD_LETTER_TOPIC = "gaming-transactions-dlt";

	private final ConfigurableApplicationContext context;
	private final KafkaProducer<String, String> producer;
	private final JdbcClient sql;

	private RunningLocalStack(ConfigurableApplicationContext context) {
		this.context = context;
		this.sql = JdbcClient.create(context.getBean(DataSource.class));
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
				new StringSerializer(), new StringSerializer());
	}

	public static RunningLocalStack start(Path dataDirectory, String... extraArguments) {
		String[] arguments = List.of("--server.port=0", "--casino.local-stack.data-directory=" + dataDirectory,
				"--casino.local-stack.kafka.port=0", "--casino.local-stack.kafka.controller-port=0",
				"--casino.local-stack.sql.port=0")
			.toArray(String[]::new);
		String[] all = new String[arguments.length + extraArguments.length];
		System.arraycopy(arguments, 0, all, 0, arguments.length);
		System.arraycopy(extraArguments, 0, all, arguments.length, extraArguments.length);
		return new RunningLocalStack(new SpringApplicationBuilder(LocalStackApplication.class).run(all));
	}

	public String bootstrapServers() {
		return context.getBean(EmbeddedKafkaBroker.class).bootstrapServers();
	}

	public JdbcClient sql() {
		return sql;
	}

	public DataSource dataSource() {
		return context.getBean(DataSource.class);
	}

	/** Sends to a chosen partition, so that tests decide the order in which records are read. */
	public void send(int partition, String key, String value) {
		producer.send(new ProducerRecord<>(TOPIC, partition, key, value));
	}

	/** Sends keyed by member, as the generator does. */
	public void send(String key, String value) {
		producer.send(new ProducerRecord<>(TOPIC, key, value));
	}

	public void flush() {
		producer.flush();
	}

	/** Records the topic holds, over all partitions. */
	public long topicEnd() {
		return topicEnd(bootstrapServers());
	}

	/** Records topic {@value #TOPIC} of the broker at {@code bootstrapServers} holds, over all partitions. */
	public static long topicEnd(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()
				.forEach(partition -> latest.put(new TopicPartition(TOPIC, partition.partition()), OffsetSpec.latest()));
			return admin.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not read the end offsets of " + TOPIC, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Records local-stack has committed, over all partitions (stored, late-dropped and dead-lettered alike). */
	public long committedOffsets() {
		return committedOffsets(sql);
	}

	/** The same, on local-stack's database reached through {@code sql}. */
	public static long committedOffsets(JdbcClient sql) {
		return sql.sql("SELECT coalesce(sum(next_offset), 0) FROM local_stack.partition_offsets WHERE topic = ?")
			.param(TOPIC)
			.query(Long.class)
			.single();
	}

	/** Flushes the producer and waits until every record in the topic is committed. */
	public void awaitIngested(Duration atMost) {
		flush();
		long end = topicEnd();
		await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> committedOffsets() == end);
	}

	/** Sends each value to partition 0, so they are read in this order, and waits until all are committed. */
	public void sendInOrder(String... values) {
		for (String value : values) {
			send(0, "key", value);
		}
		awaitIngested(Duration.ofSeconds(60));
	}

	/** Waits until the stream watermark reads {@code expected} ({@code yyyy-MM-dd HH:mm:ss[.fff]}). */
	public void awaitWatermark(String expected) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> rows("SELECT watermark FROM local_stack.ingest_state"), List.of(expected)::equals);
	}

	/** Each row of {@code query} as its columns' text joined by {@code |}, NULL as {@code null}. */
	public List<String> rows(String query) {
		return TableRows.of(sql, query);
	}

	public String health() {
		String port = context.getEnvironment().getProperty("local.server.port");
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		producer.close();
		context.close();
	}

}
