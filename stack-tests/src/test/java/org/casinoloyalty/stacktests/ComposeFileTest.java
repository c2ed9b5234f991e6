package org.casinoloyalty.stacktests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** docker-compose.yml against the Compose Specification and the invariants of the Docker stack, in both profiles. */
class ComposeFileTest {

	private final ComposeSpecification specification = new ComposeSpecification();

	@Test
	void dockerComposeYmlConformsToTheComposeSpecification() {
		assertThat(specification.violations(ComposeFile.read())).isEmpty();
	}

	@Test
	void dockerComposeYmlKeepsTheInvariantsOfTheDockerStack() {
		assertThat(StackInvariants.violations(ComposeFile.read(), ComposeFile.REPOSITORY_ROOT)).isEmpty();
	}

	@Test
	void specificationRejectsAFileThatBreaksIt() {
		JsonNode broken = ComposeFile.parse("""
				services:
				  app:
				    image: example/app:1.0
				    depends_on:
				      db:
				        condition: service_ready
				    healthcheck:
				      command: ["CMD", "true"]
				    deploy:
				      resources:
				        limits:
				          memory: 512
				""");

		assertThat(specification.violations(broken))
			.anySatisfy(violation -> assertThat(violation).contains("/services/app/depends_on/db/condition"))
			.anySatisfy(violation -> assertThat(violation).contains("/services/app/healthcheck").contains("command"))
			.anySatisfy(violation -> assertThat(violation).contains("/services/app/deploy/resources/limits/memory"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenStacks")
	void eachInvariantFailsWhenTheRealFileBreaksIt(String change, Consumer<ObjectNode> breakIt, String expected) {
		ObjectNode compose = (ObjectNode) ComposeFile.read();
		breakIt.accept(compose);

		assertThat(StackInvariants.violations(compose, ComposeFile.REPOSITORY_ROOT))
			.anySatisfy(violation -> assertThat(violation).contains(expected));
	}

	static Stream<Arguments> brokenStacks() {
		return Stream.of(
				arguments("image on latest", change(c -> service(c, "risingwave").put("image", "risingwavelabs/risingwave:latest")),
						"risingwave: image risingwavelabs/risingwave:latest uses the tag latest"),
				arguments("image without tag", change(c -> service(c, "console").put("image", "docker.redpanda.com/redpandadata/console")),
						"console: image docker.redpanda.com/redpandadata/console has no tag"),
				arguments("built image without name", change(c -> service(c, "dashboard").remove("image")),
						"dashboard names no image with a pinned tag"),
				arguments("healthcheck removed", change(c -> service(c, "redpanda").remove("healthcheck")),
						"service redpanda has no healthcheck"),
				arguments("healthcheck disabled", change(c -> service(c, "dashboard").putObject("healthcheck").put("disable", true)),
						"service dashboard has no healthcheck"),
				arguments("healthcheck on a tool the image may lack", change(c -> service(c, "console").putObject("healthcheck").putArray("test")
						.add("CMD-SHELL").add("wget -q -O /dev/null http://localhost:8080/admin/health || exit 1")),
						"service console: healthcheck runs wget, which nobody confirmed in its image"),
				arguments("healthcheck on another tool", change(c -> ((ObjectNode) service(c, "generator").path("healthcheck")).putArray("test")
						.add("CMD-SHELL").add("wget -q -O /dev/null http://localhost:8000/actuator/health")),
						"service generator: healthcheck runs wget"),
				arguments("waits for a service without healthcheck", change(c -> ((ObjectNode) service(c, "dashboard").path("depends_on"))
						.putObject("console").put("condition", "service_healthy")),
						"service dashboard waits for the health of console, which has no healthcheck"),
				arguments("memory over the laptop budget", change(c -> ((ObjectNode) service(c, "risingwave").path("deploy").path("resources")
						.path("limits")).put("memory", "4G")),
						"profile single-node: memory limits add up to 7040 MiB, over the budget of 6144 MiB"),
				arguments("port on every interface", change(c -> service(c, "dashboard").putArray("ports").add("8501:8501")),
						"service dashboard publishes 8501:8501 without the bind address ${CASINO_BIND:-127.0.0.1}"),
				arguments("port on a fixed address", change(c -> service(c, "risingwave").putArray("ports").add("0.0.0.0:4566:4566")),
						"service risingwave publishes 0.0.0.0:4566:4566 without the bind address"),
				arguments("long port syntax without host_ip", change(c -> service(c, "generator").putArray("ports").addObject()
						.put("target", 8000).put("published", "8000")),
						"service generator publishes 8000 without the bind address"),
				arguments("reactor backend not passed through", change(c -> {
							ArrayNode command = (ArrayNode) service(c, "redpanda").path("command");
							for (int i = 0; i < command.size(); i++) {
								if (command.path(i).asString().startsWith("--reactor-backend")) {
									command.remove(i);
								}
							}
						}),
						"service redpanda does not pass CASINO_REDPANDA_REACTOR_BACKEND through"),
				arguments("start on service_started", change(c -> ((ObjectNode) service(c, "dashboard").path("depends_on").path("generator")).put("condition", "service_started")),
						"dashboard waits for generator with condition service_started instead of service_healthy"),
				arguments("dependency dropped", change(c -> ((ObjectNode) service(c, "generator").path("depends_on")).remove("risingwave")),
						"service generator must wait for risingwave"),
				arguments("depends_on as a list", change(c -> service(c, "console").putArray("depends_on").add("redpanda")),
						"console: depends_on as a list"),
				arguments("RisingWave data not on a volume", change(c -> service(c, "risingwave").remove("volumes")),
						"service risingwave keeps /risingwave-data on no named volume"),
				arguments("Redpanda volume not declared", change(c -> ((ObjectNode) c.path("volumes")).remove("redpanda-data")),
						"service redpanda keeps /var/lib/redpanda/data on no named volume"),
				arguments("memory limit removed", change(c -> service(c, "generator").remove("deploy")),
						"service generator has no memory limit"),
				arguments("host port moved", change(c -> service(c, "dashboard").putArray("ports").add("18501:8501")),
						"host port 8501 is not published by service dashboard"),
				arguments("service removed", change(c -> ((ObjectNode) c.path("services")).remove("console")),
						"service console is missing"),
				arguments("Dockerfile path wrong", change(c -> ((ObjectNode) service(c, "generator").path("build")).put("dockerfile", "Dockerfile.missing")),
						"generator: Dockerfile"),
				arguments("build of no module", change(c -> ((ObjectNode) service(c, "dashboard").path("build").path("args")).put("SERVICE", "dashboard")),
						"service dashboard: build argument SERVICE names no module of the repository: 'dashboard'"),
				arguments("build without a port", change(c -> ((ObjectNode) service(c, "generator").path("build").path("args")).remove("PORT")),
						"service generator: no build argument PORT"),
				arguments("healthcheck on another port", change(c -> ((ObjectNode) service(c, "dashboard").path("build").path("args")).put("PORT", "8000")),
						"service dashboard: healthcheck does not ask http://localhost:8000/actuator/health"),
				arguments("healthcheck off the management port", change(c -> ((ObjectNode) service(c, "generator").path("environment")).put("GENERATOR_MANAGEMENT_PORT", "9001")),
						"service generator: healthcheck does not ask http://localhost:9001/actuator/health"),
				arguments("autostart not passed through", change(c -> ((ObjectNode) service(c, "generator").path("environment")).remove("CASINO_GENERATOR_AUTOSTART")),
						"generator does not pass CASINO_GENERATOR_AUTOSTART through"),
				arguments("service in no profile", change(c -> service(c, "console").remove("profiles")),
						"service console names the profiles [] instead of exactly one of [single-node, cluster]"),
				arguments("service in both profiles", change(c -> service(c, "meta-store").putArray("profiles").add("cluster").add("single-node")),
						"service meta-store names the profiles [cluster, single-node]"),
				arguments("waits for a service of the other profile", change(c -> ((ObjectNode) service(c, "generator-cluster").path("depends_on"))
						.putObject("risingwave").put("condition", "service_healthy")),
						"service generator-cluster waits for risingwave, which its profile does not start"),
				arguments("host port twice in a profile", change(c -> service(c, "meta-node").putArray("ports").add("${CASINO_BIND:-127.0.0.1}:4566:5690")),
						"profile cluster: host port 4566 is published by both meta-node and frontend-node"),
				arguments("cluster memory over its budget", change(c -> ((ObjectNode) service(c, "compute-node-1").path("deploy").path("resources")
						.path("limits")).put("memory", "4G")),
						"profile cluster: memory limits add up to 17280 MiB, over the budget of 16384 MiB"),
				arguments("cluster image on latest", change(c -> service(c, "state-store").put("image", "quay.io/minio/minio:latest")),
						"service state-store: image quay.io/minio/minio:latest uses the tag latest"),
				arguments("cluster healthcheck on a tool the image may lack", change(c -> ((ObjectNode) service(c, "state-store").path("healthcheck"))
						.putArray("test").add("CMD").add("mc").add("ready").add("local")),
						"service state-store: healthcheck runs mc, which nobody confirmed in its image (confirmed: curl)"),
				arguments("cluster port on every interface", change(c -> service(c, "frontend-node").putArray("ports").add("4566:4566")),
						"service frontend-node publishes 4566:4566 without the bind address"),
				arguments("meta store data not on a volume", change(c -> service(c, "meta-store").remove("volumes")),
						"service meta-store keeps /var/lib/postgresql/data on no named volume"),
				arguments("compute node started before the meta node", change(c -> service(c, "compute-node-0").remove("depends_on")),
						"service compute-node-0 must wait for meta-node"),
				arguments("two brokers", change(c -> ((ObjectNode) c.path("services")).remove("redpanda-2")),
						"the cluster profile runs 2 brokers instead of 3"),
				arguments("replication factor 1", change(c -> env(c, "generator-cluster").put("CASINO_GENERATOR_REPLICATION_FACTOR", "1")),
						"generator-cluster creates its topics with replication factor 1 on 3 brokers"),
				arguments("a broker missing from a client's list", change(c -> env(c, "dashboard-cluster")
						.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "redpanda-0:9092,redpanda-1:9092")),
						"service dashboard-cluster: SPRING_KAFKA_BOOTSTRAP_SERVERS lists [redpanda-0:9092, redpanda-1:9092] instead of every broker"),
				arguments("broker advertising another name", change(c -> {
							ArrayNode command = (ArrayNode) service(c, "redpanda-1").path("command");
							for (int i = 0; i < command.size(); i++) {
								if (command.path(i).asString().startsWith("--advertise-kafka-addr")) {
									command.set(i, command.path(i).asString().replace("internal://redpanda-1:", "internal://redpanda:"));
								}
							}
						}),
						"broker redpanda-1 does not advertise internal://redpanda-1:9092"),
				arguments("partitions not matched to the parallelism", change(c -> env(c, "generator-cluster").put("CASINO_GENERATOR_PARTITIONS", "3")),
						"generator-cluster creates 3 partitions for a compute parallelism of 6"),
				arguments("compute node without parallelism", change(c -> {
							ArrayNode command = (ArrayNode) service(c, "compute-node-1").path("command");
							command.remove(command.size() - 1);
							command.remove(command.size() - 1);
						}),
						"compute node compute-node-1 sets no --parallelism"),
				arguments("meta store on another engine", change(c -> service(c, "meta-store").put("image", "mysql:8.4.6")),
						"meta-node's --sql-endpoint names meta-store, which is no PostgreSQL service of the profile"),
				arguments("state store bucket not created", change(c -> service(c, "state-store").remove("entrypoint")),
						"the state store's bucket 'hummock001' is not created before RisingWave starts"),
				arguments("node looking for another meta node", change(c -> ((ArrayNode) service(c, "compactor").path("command")).set(6, "http://meta:5690")),
						"service compactor looks for the meta node at 'http://meta:5690'"),
				arguments("generator on the single-node engine", change(c -> env(c, "generator-cluster")
						.put("CASINO_SCHEMA_JDBC_URL", "jdbc:postgresql://risingwave:4566/dev")),
						"service generator-cluster: CASINO_SCHEMA_JDBC_URL is 'jdbc:postgresql://risingwave:4566/dev' instead of"),
				arguments("twin with another healthcheck", change(c -> ((ObjectNode) service(c, "dashboard-cluster").path("healthcheck")).put("retries", 3)),
						"service dashboard-cluster differs from dashboard in healthcheck, not only in its environment"),
				arguments("twin with another image", change(c -> service(c, "generator-cluster").put("image", "casino-loyalty/generator-service:0.2.0")),
						"service generator-cluster differs from generator in image"),
				arguments("twin dropping a variable", change(c -> env(c, "dashboard-cluster").remove("CASINO_MANAGER_PASSWORD_HASH")),
						"service dashboard-cluster drops CASINO_MANAGER_PASSWORD_HASH of dashboard"),
				arguments("twin changing a setting", change(c -> env(c, "generator-cluster").put("CASINO_SCHEMA_USERNAME", "admin")),
						"service generator-cluster sets CASINO_SCHEMA_USERNAME to 'admin' where generator sets 'root'"),
				arguments("twin adding a setting", change(c -> env(c, "console-cluster").put("CONSOLE_DEBUG", "true")),
						"service console-cluster adds CONSOLE_DEBUG, which console does not set"),
				arguments("cluster service missing", change(c -> ((ObjectNode) c.path("services")).remove("compactor")),
						"service compactor is missing from the cluster profile"));
	}

	@ParameterizedTest(name = "{0} -> {1} bytes")
	@CsvSource({ "1280M, 1342177280", "3G, 3221225472", "256m, 268435456", "1.5g, 1610612736",
			"512mb, 536870912", "1024k, 1048576", "1048576, 1048576", "100b, 100" })
	void composeByteValuesAreReadAsCompose(String value, long bytes) {
		assertThat(StackInvariants.bytes(value)).isEqualTo(bytes);
	}

	@Test
	void theDefaultStackFitsTheMemoryBudget() {
		long total = StackInvariants.memoryLimits(ComposeFile.project(ComposeFile.read(), ComposeFile.SINGLE_NODE));
		assertThat(total).isPositive().isLessThanOrEqualTo(StackInvariants.MEMORY_BUDGET_BYTES);
	}

	@Test
	void theClusterFitsItsMemoryBudget() {
		long total = StackInvariants.memoryLimits(ComposeFile.project(ComposeFile.read(), ComposeFile.CLUSTER));
		assertThat(total).isGreaterThan(StackInvariants.MEMORY_BUDGET_BYTES).isLessThanOrEqualTo(ClusterInvariants.MEMORY_BUDGET_BYTES);
	}

	/**
	 * A bare `docker compose up` (make demo) starts the single-node profile and nothing else: Compose reads
	 * COMPOSE_PROFILES from the .env file beside the compose file, and a --profile flag replaces it (compose-go
	 * cli/options.go, WithDefaultProfiles), so `--profile cluster` starts the cluster alone.
	 */
	@Test
	void theEnvFileMakesSingleNodeTheDefaultProfile() throws Exception {
		List<String> settings = Files.readAllLines(ComposeFile.REPOSITORY_ROOT.resolve(".env")).stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();

		assertThat(settings).containsExactly("COMPOSE_PROFILES=" + ComposeFile.SINGLE_NODE);
	}

	@Test
	void eachProfileStartsItsOwnStackAndNoServiceOfTheOther() {
		JsonNode compose = ComposeFile.read();
		Set<String> singleNode = names(ComposeFile.project(compose, ComposeFile.SINGLE_NODE));
		Set<String> cluster = names(ComposeFile.project(compose, ComposeFile.CLUSTER));

		assertThat(singleNode).containsExactlyInAnyOrderElementsOf(StackInvariants.SERVICES);
		assertThat(cluster).containsExactlyInAnyOrderElementsOf(ClusterInvariants.SERVICES).doesNotContainAnyElementsOf(singleNode);
	}

	@Test
	void anchorsAndMergeKeysAreResolvedAsComposeResolvesThem() {
		JsonNode compose = ComposeFile.parse("""
				x-app: &app
				  image: example/app:1.0
				  environment: &app-environment
				    A: "1"
				    B: "2"
				services:
				  app:
				    <<: *app
				    environment:
				      <<: *app-environment
				      B: "3"
				""");

		JsonNode app = compose.path("services").path("app");
		assertThat(app.path("image").asString()).isEqualTo("example/app:1.0");
		assertThat(app.path("environment").path("A").asString()).isEqualTo("1");
		assertThat(app.path("environment").path("B").asString()).isEqualTo("3");
		assertThat(app.has("<<")).isFalse();
	}

	private static Set<String> names(JsonNode project) {
		Set<String> names = new TreeSet<>();
		project.path("services").propertyNames().forEach(names::add);
		return names;
	}

	private static Consumer<ObjectNode> change(Consumer<ObjectNode> change) {
		return change;
	}

	private static ObjectNode service(ObjectNode compose, String name) {
		return (ObjectNode) compose.path("services").path(name);
	}

	private static ObjectNode env(ObjectNode compose, String name) {
		return (ObjectNode) service(compose, name).path("environment");
	}

}
