package org.casinoloyalty.stacktests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** docker-compose.yml against the Compose Specification and the invariants of the Docker stack. */
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
						"memory limits add up to 7040 MiB, over the budget of 6144 MiB"),
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
						"generator does not pass CASINO_GENERATOR_AUTOSTART through"));
	}

	@ParameterizedTest(name = "{0} -> {1} bytes")
	@CsvSource({ "1280M, 1342177280", "3G, 3221225472", "256m, 268435456", "1.5g, 1610612736",
			"512mb, 536870912", "1024k, 1048576", "1048576, 1048576", "100b, 100" })
	void composeByteValuesAreReadAsCompose(String value, long bytes) {
		assertThat(StackInvariants.bytes(value)).isEqualTo(bytes);
	}

	@Test
	void theDefaultStackFitsTheMemoryBudget() {
		long total = 0;
		for (var service : ComposeFile.read().path("services")) {
			total += StackInvariants.bytes(service.path("deploy").path("resources").path("limits").path("memory").asString());
		}
		assertThat(total).isPositive().isLessThanOrEqualTo(StackInvariants.MEMORY_BUDGET_BYTES);
	}

	private static Consumer<ObjectNode> change(Consumer<ObjectNode> change) {
		return change;
	}

	private static ObjectNode service(ObjectNode compose, String name) {
		return (ObjectNode) compose.path("services").path(name);
	}

}
