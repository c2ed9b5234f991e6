package org.casinoloyalty.stacktests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
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
				arguments("healthcheck disabled", change(c -> service(c, "console").putObject("healthcheck").put("disable", true)),
						"service console has no healthcheck"),
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
				arguments("Dockerfile path wrong", change(c -> ((ObjectNode) service(c, "generator").path("build")).put("dockerfile", "generator-service/Dockerfile.missing")),
						"generator: Dockerfile"),
				arguments("autostart not passed through", change(c -> ((ObjectNode) service(c, "generator").path("environment")).remove("CASINO_GENERATOR_AUTOSTART")),
						"generator does not pass CASINO_GENERATOR_AUTOSTART through"));
	}

	private static Consumer<ObjectNode> change(Consumer<ObjectNode> change) {
		return change;
	}

	private static ObjectNode service(ObjectNode compose, String name) {
		return (ObjectNode) compose.path("services").path(name);
	}

}
