package org.casinoloyalty.generator.bench;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.tools.ProducerPerformance;
import org.casinoloyalty.generator.GeneratorApplication;
import org.casinoloyalty.generator.publishing.EventPump;
import org.casinoloyalty.generator.publishing.TransactionPublisher;
import org.casinoloyalty.generator.simulation.CasinoSimulator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * {@code make bench-generator}: (a) the generator's top throughput into a Kafka broker against Kafka's
 * own ProducerPerformance with the same record size, producer settings, broker and run; (b) how
 * exactly the generator holds a set rate, measured from the timestamps of the records the broker
 * stored. Both run against one embedded KRaft broker on a random port in this JVM.
 * System properties: bench.records (per throughput round, default 1,000,000), bench.rounds (3),
 * bench.rateSeconds (30 per rate), bench.rates (1,5,10,100,1000,10000).
 */
public final class GeneratorBenchmark {

	private static final String TOPIC = "gaming-transactions";

	private static final String YARDSTICK_TOPIC = "producer-performance";

	/** The generator's producer settings (application.yml), given to ProducerPerformance as well. */
	private static final List<String> PRODUCER_PROPS = List.of("acks=all", "enable.idempotence=true", "linger.ms=5");

	private static final PrintStream out = System.out;

	private GeneratorBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long records = Long.getLong("bench.records", 1_000_000);
		int rounds = Integer.getInteger("bench.rounds", 3);
		int rateSeconds = Integer.getInteger("bench.rateSeconds", 30);
		double[] rates = java.util.Arrays.stream(System.getProperty("bench.rates", "1,5,10,100,1000,10000").split(","))
			.mapToDouble(Double::parseDouble).toArray();

		out.printf(Locale.ROOT, "Generator benchmark on %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
				Runtime.version());
		var broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC, YARDSTICK_TOPIC);
		broker.brokerProperty("log.retention.bytes", String.valueOf(512L * 1024 * 1024));
		broker.afterPropertiesSet();
		String bootstrap = broker.getBrokersAsString();
		out.println("Embedded KRaft broker at " + bootstrap + " (topics with 3 partitions)");
		ConfigurableApplicationContext generator = new SpringApplicationBuilder(GeneratorApplication.class).run(
				"--server.port=0",
				"--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + bootstrap,
				"--casino.generator.auto-start=false",
				"--casino.generator.max-rate=100000000",
				"--spring.main.banner-mode=off",
				"--logging.level.root=WARN",
				"--logging.level.org.springdoc=ERROR");
		try {
			EventPump pump = generator.getBean(EventPump.class);
			TransactionPublisher publisher = generator.getBean(TransactionPublisher.class);
			int recordSize = meanRecordSize(generator);
			throughput(bootstrap, pump, publisher, recordSize, records, rounds);
			rateAccuracy(bootstrap, pump, rates, rateSeconds);
		}
		finally {
			generator.close();
			broker.destroy();
		}
	}

	/** The mean size of the generator's JSON values, so ProducerPerformance sends records as large. */
	private static int meanRecordSize(ConfigurableApplicationContext generator) {
		var simulator = generator.getBean(CasinoSimulator.class);
		var json = generator.getBean(JsonMapper.class);
		long bytes = 0;
		int count = 0;
		for (int i = 0; i < 10_000; i++) {
			for (var event : simulator.play()) {
				bytes += json.writeValueAsBytes(event).length;
				count++;
			}
		}
		return (int) Math.round(bytes / (double) count);
	}

	private static void throughput(String bootstrap, EventPump pump, TransactionPublisher publisher, int recordSize, long records,
			int rounds) throws Exception {
		out.printf(Locale.ROOT, "%n(a) Top throughput: %,d records of %d bytes per round, producer %s%n", records, recordSize,
				String.join(" ", PRODUCER_PROPS));
		out.println("    warming up both (one round each, not counted) ...");
		producerPerformance(bootstrap, recordSize, records);
		generatorThroughput(pump, publisher, records);
		List<Double> yardstick = new ArrayList<>();
		List<Double> ours = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			double kafka = producerPerformance(bootstrap, recordSize, records);
			double generator = generatorThroughput(pump, publisher, records);
			yardstick.add(kafka);
			ours.add(generator);
			out.printf(Locale.ROOT, "    round %d: ProducerPerformance %,10.0f records/s   generator %,10.0f records/s   ratio %.2f%n", round,
					kafka, generator, generator / kafka);
		}
		double kafkaMean = yardstick.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		double generatorMean = ours.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		out.printf(Locale.ROOT, "    mean:    ProducerPerformance %,10.0f records/s   generator %,10.0f records/s   RATIO %.2f (goal >= 0.90)%n",
				kafkaMean, generatorMean, generatorMean / kafkaMean);
	}

	private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec.*50th");

	/** Kafka's own tool, its summary line parsed; its progress lines are kept off the report. */
	private static double producerPerformance(String bootstrap, int recordSize, long records) throws Exception {
		List<String> args = new ArrayList<>(List.of("--topic", YARDSTICK_TOPIC, "--num-records", Long.toString(records), "--record-size",
				Integer.toString(recordSize), "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap));
		args.addAll(PRODUCER_PROPS);
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			ProducerPerformance.main(args.toArray(String[]::new));
		}
		finally {
			System.setOut(out);
		}
		Matcher summary = SUMMARY.matcher(captured.toString(StandardCharsets.UTF_8));
		if (!summary.find()) {
			throw new IllegalStateException("no summary line from ProducerPerformance:\n" + captured);
		}
		return Double.parseDouble(summary.group(2));
	}

	/** Like ProducerPerformance: records acknowledged / time from the start until the last of them is acknowledged. */
	private static double generatorThroughput(EventPump pump, TransactionPublisher publisher, long records) throws InterruptedException {
		long before = publisher.counters().acknowledged();
		long start = System.nanoTime();
		pump.startPublishing(100_000_000);
		while (publisher.counters().acknowledged() - before < records) {
			Thread.sleep(1);
		}
		long end = System.nanoTime();
		pump.stopPublishing();
		awaitQuiet(publisher);
		return records / ((end - start) / 1e9);
	}

	/** Waits until every record sent has been acknowledged or has failed. */
	private static void awaitQuiet(TransactionPublisher publisher) throws InterruptedException {
		while (true) {
			var counters = publisher.counters();
			if (counters.acknowledged() + counters.failed() >= counters.sent()) {
				return;
			}
			Thread.sleep(10);
		}
	}

	private static void rateAccuracy(String bootstrap, EventPump pump, double[] rates, int seconds) throws InterruptedException {
		out.printf(Locale.ROOT, "%n(b) Rate accuracy: %d s per rate; measured = (records - 1) / (last - first record timestamp) of the%n"
				+ "    play events the broker stored (heartbeats excluded); the generator's own 10 s meter beside it%n", seconds);
		List<String> rows = new ArrayList<>();
		try (Consumer<String, String> consumer = consumer(bootstrap)) {
			for (double rate : rates) {
				seekToEnd(consumer);
				out.printf(Locale.ROOT, "    publishing at %s events/s for %d s ", format(rate), seconds);
				pump.startPublishing(rate);
				sleepShowingProgress(seconds);
				double meter = pump.measuredRate();
				pump.stopPublishing();
				List<Long> timestamps = drainPlayEventTimestamps(consumer);
				long expected = (long) Math.floor(seconds * rate) + 1;
				double span = (timestamps.getLast() - timestamps.getFirst()) / 1000.0;
				double measured = (timestamps.size() - 1) / span;
				rows.add(String.format(Locale.ROOT, "    %10s %9d %10d %11.3f %12.3f %7.2f%% %14.2f", format(rate), timestamps.size(), expected,
						span, measured, 100 * (measured - rate) / rate, meter));
			}
		}
		out.println();
		out.println("      set rate   records   expected    span (s)   measured/s    error   generator's meter/s");
		rows.forEach(out::println);
		out.println("    (goal: |error| <= 1%)");
	}

	private static Consumer<String, String> consumer(String bootstrap) {
		var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000), new StringDeserializer(), new StringDeserializer());
		consumer.assign(IntStream.range(0, 3).mapToObj(partition -> new TopicPartition(TOPIC, partition)).toList());
		return consumer;
	}

	private static void seekToEnd(Consumer<String, String> consumer) {
		consumer.seekToEnd(consumer.assignment());
		consumer.assignment().forEach(consumer::position);
	}

	/** Reads until the topic has been quiet but for heartbeats for two seconds. */
	private static List<Long> drainPlayEventTimestamps(Consumer<String, String> consumer) {
		List<Long> timestamps = new ArrayList<>();
		long quietSince = System.nanoTime();
		while (System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos()) {
			for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
				if (record.key() != null) {
					timestamps.add(record.timestamp());
					quietSince = System.nanoTime();
				}
			}
		}
		timestamps.sort(null);
		return timestamps;
	}

	private static void sleepShowingProgress(int seconds) throws InterruptedException {
		for (int second = 1; second <= seconds; second++) {
			Thread.sleep(1_000);
			out.print(second % 10 == 0 ? "|" : ".");
		}
		out.println();
	}

	private static String format(double rate) {
		return rate == Math.rint(rate) ? String.format(Locale.ROOT, "%,d", (long) rate) : Double.toString(rate);
	}

}
