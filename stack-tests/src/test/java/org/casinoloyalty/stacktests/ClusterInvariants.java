package org.casinoloyalty.stacktests;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.casinoloyalty.stacktests.StackInvariants.argument;
import static org.casinoloyalty.stacktests.StackInvariants.environment;
import static org.casinoloyalty.stacktests.StackInvariants.imageRepository;

/**
 * The cluster profile (issue 14, point 5): three Redpanda brokers that keep every partition three times, RisingWave in
 * distributed mode (meta node on PostgreSQL, state in MinIO, two compute nodes, frontend, compactor) with the topic's
 * partitions matched to the compute nodes' parallelism, and on top the same Console, generator and dashboard as the
 * single-node profile, differing in environment variables only (and in what they wait for). Beside these, every rule
 * of {@link StackInvariants#profileViolations} holds here too, within a larger memory budget.
 */
final class ClusterInvariants {

	static final List<String> SERVICES = List.of("redpanda-0", "redpanda-1", "redpanda-2", "meta-store", "state-store",
			"meta-node", "compute-node-0", "compute-node-1", "frontend-node", "compactor", "console-cluster",
			"generator-cluster", "dashboard-cluster");

	/** The same host ports as the single-node profile, plus the two other brokers' (redpanda-labs' three-brokers). */
	static final Map<Integer, String> HOST_PORTS = Map.of(19092, "redpanda-0", 29092, "redpanda-1", 39092, "redpanda-2",
			4566, "frontend-node", 5691, "meta-node", 8080, "console-cluster", 8000, "generator-cluster", 8501,
			"dashboard-cluster");

	static final Map<String, Set<String>> START_ORDER = Map.ofEntries(
			Map.entry("redpanda-1", Set.of("redpanda-0")), Map.entry("redpanda-2", Set.of("redpanda-0")),
			Map.entry("meta-node", Set.of("meta-store", "state-store")),
			Map.entry("compute-node-0", Set.of("meta-node")), Map.entry("compute-node-1", Set.of("meta-node")),
			Map.entry("frontend-node", Set.of("meta-node")), Map.entry("compactor", Set.of("meta-node")),
			Map.entry("console-cluster", Set.of("redpanda-0", "redpanda-1", "redpanda-2")),
			Map.entry("generator-cluster", Set.of("redpanda-0", "redpanda-1", "redpanda-2", "frontend-node", "compute-node-0",
					"compute-node-1")),
			Map.entry("dashboard-cluster", Set.of("frontend-node", "generator-cluster")));

	/** Service -> its data directory, which must be on a named volume. */
	static final Map<String, String> DATA = Map.of("redpanda-0", StackInvariants.REDPANDA_DATA, "redpanda-1",
			StackInvariants.REDPANDA_DATA, "redpanda-2", StackInvariants.REDPANDA_DATA, "meta-store",
			"/var/lib/postgresql/data", "state-store", "/data");

	/**
	 * What the cluster's memory limits may add up to: 16 GiB, a workstation's or a small VM's. Three brokers take 3.75
	 * GiB, RisingWave's seven containers 10.5 GiB (two compute nodes of 3 GiB), the three applications 1.6 GiB.
	 */
	static final long MEMORY_BUDGET_BYTES = 16L << 30;

	static final int BROKERS = 3;

	/** Single-node service -> its cluster twin: the same image, build and settings; other environment variables. */
	static final Map<String, String> TWINS = Map.of("console", "console-cluster", "generator", "generator-cluster",
			"dashboard", "dashboard-cluster");

	/** What may differ between twins besides the environment: what they wait for, their profile, their name. */
	static final Set<String> TWIN_DIFFERENCES = Set.of("environment", "depends_on", "profiles", "container_name");

	/** Environment variables whose values differ between twins: where the brokers and the engine are. */
	static final Set<String> ADDRESS_VARIABLES = Set.of("KAFKA_BROKERS", "SPRING_KAFKA_BOOTSTRAP_SERVERS",
			"CASINO_SCHEMA_ENGINE_BROKER", "CASINO_SCHEMA_JDBC_URL", "SPRING_DATASOURCE_URL");

	/** Environment variables only the cluster's generator sets: partitions and copies of its topics. */
	static final Set<String> CLUSTER_ONLY_VARIABLES = Set.of("CASINO_GENERATOR_PARTITIONS", "CASINO_GENERATOR_REPLICATION_FACTOR");

	private static final String POSTGRES_IMAGE = "postgres";

	private static final String MINIO_IMAGE = "quay.io/minio/minio";

	private ClusterInvariants() {
	}

	/** One line per broken invariant of the cluster profile; empty when all hold. */
	static List<String> violations(JsonNode compose, Path repositoryRoot) {
		ObjectNode project = ComposeFile.project(compose, ComposeFile.CLUSTER);
		List<String> violations = StackInvariants.profileViolations(ComposeFile.CLUSTER, project, repositoryRoot, MEMORY_BUDGET_BYTES);
		JsonNode services = project.path("services");
		for (String name : SERVICES) {
			if (!services.has(name)) {
				violations.add("service " + name + " is missing from the cluster profile");
			}
		}
		StackInvariants.checkStartOrder(services, START_ORDER, violations);
		StackInvariants.checkHostPorts(services, HOST_PORTS, violations);
		DATA.forEach((service, target) -> StackInvariants.checkNamedVolume(project, service, target, violations));
		checkBrokers(services, violations);
		checkRisingWave(services, violations);
		checkTwins(compose.path("services"), services, violations);
		return violations;
	}

	/** Three brokers, each found by its own name, every client told all three, every partition kept on all three. */
	private static void checkBrokers(JsonNode services, List<String> violations) {
		Set<String> brokers = new TreeSet<>();
		services.properties().forEach(service -> {
			if (imageRepository(service.getValue()).equals(StackInvariants.REDPANDA_IMAGE)) {
				String internal = "internal://" + service.getKey() + ":9092";
				boolean advertised = service.getValue().path("command").valueStream()
					.anyMatch(argument -> argument.asString("").startsWith("--advertise-kafka-addr " + internal + ","));
				if (!advertised) {
					violations.add("broker " + service.getKey() + " does not advertise " + internal + " to the compose network");
				}
				brokers.add(service.getKey() + ":9092");
			}
		});
		if (brokers.size() != BROKERS) {
			violations.add("the cluster profile runs " + brokers.size() + " brokers instead of " + BROKERS + ": " + brokers);
		}
		Map<String, String> generator = environment(services.path("generator-cluster"));
		String replication = generator.getOrDefault("CASINO_GENERATOR_REPLICATION_FACTOR", "1");
		if (!replication.equals(String.valueOf(brokers.size()))) {
			violations.add("generator-cluster creates its topics with replication factor " + replication + " on " + brokers.size()
					+ " brokers (CASINO_GENERATOR_REPLICATION_FACTOR)");
		}
		checkBrokerList("console-cluster", "KAFKA_BROKERS", services, brokers, violations);
		checkBrokerList("generator-cluster", "SPRING_KAFKA_BOOTSTRAP_SERVERS", services, brokers, violations);
		checkBrokerList("generator-cluster", "CASINO_SCHEMA_ENGINE_BROKER", services, brokers, violations);
		checkBrokerList("dashboard-cluster", "SPRING_KAFKA_BOOTSTRAP_SERVERS", services, brokers, violations);
	}

	private static void checkBrokerList(String service, String variable, JsonNode services, Set<String> brokers,
			List<String> violations) {
		String value = environment(services.path(service)).getOrDefault(variable, "");
		Set<String> listed = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
			.collect(Collectors.toCollection(TreeSet::new));
		if (!listed.equals(brokers)) {
			violations.add("service " + service + ": " + variable + " lists " + listed + " instead of every broker " + brokers);
		}
	}

	/**
	 * The meta node keeps its catalogue in the PostgreSQL service and its state in the MinIO service (whose bucket
	 * exists before it starts), every node finds the meta node, the compute nodes' parallelism adds up to the topic's
	 * partitions, and the applications reach the frontend.
	 */
	private static void checkRisingWave(JsonNode services, List<String> violations) {
		JsonNode meta = services.path("meta-node").path("command");
		if (!argument(meta, "--backend").orElse("").equals("sql")) {
			violations.add("meta-node does not keep its metadata in SQL (--backend sql)");
		}
		String metaStore = URI.create(argument(meta, "--sql-endpoint").orElse("postgres://none/")).getHost();
		if (!imageRepository(services.path(metaStore)).equals(POSTGRES_IMAGE)) {
			violations.add("meta-node's --sql-endpoint names " + metaStore + ", which is no PostgreSQL service of the profile");
		}
		URI stateStore = URI.create(argument(meta, "--state-store").orElse("hummock+minio://none/").replace("hummock+minio", "minio"));
		JsonNode minio = services.path(stateStore.getHost() == null ? "" : stateStore.getHost());
		String bucket = stateStore.getPath().replaceFirst("^/", "");
		if (!imageRepository(minio).equals(MINIO_IMAGE)) {
			violations.add("meta-node's --state-store names " + stateStore.getHost() + ", which is no MinIO service of the profile");
		}
		else {
			if (!argument(minio.path("command"), "--address").orElse("").endsWith(":" + stateStore.getPort())) {
				violations.add("meta-node's --state-store asks port " + stateStore.getPort() + ", where " + stateStore.getHost()
						+ " does not listen");
			}
			if (bucket.isEmpty() || !minio.path("entrypoint").toString().contains("mkdir -p /data/" + bucket)) {
				violations.add("the state store's bucket '" + bucket + "' is not created before RisingWave starts");
			}
		}
		int parallelism = 0;
		int computeNodes = 0;
		for (Map.Entry<String, JsonNode> service : services.properties()) {
			JsonNode command = service.getValue().path("command");
			String role = command.path(0).asString("");
			if (!imageRepository(service.getValue()).equals("risingwavelabs/risingwave") || role.equals("meta-node")) {
				continue;
			}
			String metaAddress = argument(command, "--meta-address").or(() -> argument(command, "--meta-addr")).orElse("");
			if (!metaAddress.equals("http://meta-node:5690")) {
				violations.add("service " + service.getKey() + " looks for the meta node at '" + metaAddress + "'");
			}
			if (role.equals("compute-node")) {
				computeNodes++;
				String slots = argument(command, "--parallelism").orElse("");
				if (!slots.matches("[1-9][0-9]*")) {
					violations.add("compute node " + service.getKey() + " sets no --parallelism: it would register the host's CPU count");
				}
				else {
					parallelism += Integer.parseInt(slots);
				}
			}
		}
		if (computeNodes != 2) {
			violations.add("the cluster profile runs " + computeNodes + " compute nodes instead of 2");
		}
		String partitions = environment(services.path("generator-cluster")).getOrDefault("CASINO_GENERATOR_PARTITIONS", "3");
		if (!partitions.equals(String.valueOf(parallelism))) {
			violations.add("generator-cluster creates " + partitions + " partitions for a compute parallelism of " + parallelism
					+ " (CASINO_GENERATOR_PARTITIONS)");
		}
		String frontend = "jdbc:postgresql://frontend-node:4566/dev";
		checkVariable("generator-cluster", "CASINO_SCHEMA_JDBC_URL", frontend, services, violations);
		checkVariable("dashboard-cluster", "SPRING_DATASOURCE_URL", frontend, services, violations);
	}

	private static void checkVariable(String service, String variable, String expected, JsonNode services, List<String> violations) {
		String value = environment(services.path(service)).getOrDefault(variable, "");
		if (!value.equals(expected)) {
			violations.add("service " + service + ": " + variable + " is '" + value + "' instead of " + expected);
		}
	}

	/**
	 * "The same services and schema on top, only environment variables changed": a twin runs the same image from the
	 * same build with the same healthcheck, limits and ports; its environment keeps every variable of the single-node
	 * service, with other values only where brokers and engine are, and adds only the topic's partitions and copies.
	 */
	private static void checkTwins(JsonNode allServices, JsonNode clusterServices, List<String> violations) {
		TWINS.forEach((single, twin) -> {
			JsonNode one = allServices.path(single);
			JsonNode other = clusterServices.path(twin);
			if (one.isMissingNode() || other.isMissingNode()) {
				return;
			}
			Set<String> attributes = new TreeSet<>();
			one.propertyNames().forEach(attributes::add);
			other.propertyNames().forEach(attributes::add);
			attributes.removeAll(TWIN_DIFFERENCES);
			for (String attribute : attributes) {
				if (!one.path(attribute).equals(other.path(attribute))) {
					violations.add("service " + twin + " differs from " + single + " in " + attribute + ", not only in its environment");
				}
			}
			Map<String, String> singleEnvironment = environment(one);
			Map<String, String> twinEnvironment = environment(other);
			singleEnvironment.forEach((variable, value) -> {
				if (!twinEnvironment.containsKey(variable)) {
					violations.add("service " + twin + " drops " + variable + " of " + single);
				}
				else if (!ADDRESS_VARIABLES.contains(variable) && !value.equals(twinEnvironment.get(variable))) {
					violations.add("service " + twin + " sets " + variable + " to '" + twinEnvironment.get(variable) + "' where " + single
							+ " sets '" + value + "'");
				}
			});
			twinEnvironment.keySet().forEach(variable -> {
				if (!singleEnvironment.containsKey(variable) && !CLUSTER_ONLY_VARIABLES.contains(variable)) {
					violations.add("service " + twin + " adds " + variable + ", which " + single + " does not set");
				}
			});
		});
	}

}
