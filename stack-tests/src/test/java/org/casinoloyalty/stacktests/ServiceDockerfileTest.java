package org.casinoloyalty.stacktests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The two service Dockerfiles, checked without a Docker engine. */
class ServiceDockerfileTest {

	static final Path ROOT = ComposeFile.REPOSITORY_ROOT;

	static final List<String> DOCKERIGNORE = ServiceDockerfile.dockerignore(ROOT.resolve(".dockerignore"));

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "generator-service, 8000", "dashboard-service, 8501" })
	void serviceImageFollowsTheRules(String module, int port) {
		ServiceDockerfile dockerfile = ServiceDockerfile.read(ROOT.resolve(module).resolve("Dockerfile"));

		assertThat(dockerfile.violations(module, port, ROOT, DOCKERIGNORE)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenDockerfiles")
	void eachRuleFailsWhenTheGeneratorDockerfileBreaksIt(String change, String from, String to, String expected)
			throws IOException {
		String original = Files.readString(ROOT.resolve("generator-service/Dockerfile"));
		assertThat(original).contains(from);

		ServiceDockerfile broken = ServiceDockerfile.parse(original.replace(from, to));

		assertThat(broken.violations("generator-service", 8000, ROOT, DOCKERIGNORE))
			.anySatisfy(violation -> assertThat(violation).contains(expected));
	}

	static Stream<Arguments> brokenDockerfiles() {
		return Stream.of(
				arguments("runs as root", "USER casino", "USER root", "runtime stage runs as root"),
				arguments("no USER", "USER casino\n", "", "runtime stage runs as root"),
				arguments("runtime on a JDK", "FROM eclipse-temurin:25-jre", "FROM eclipse-temurin:25-jdk",
						"runtime stage is not on eclipse-temurin:25-jre"),
				arguments("single stage", "FROM eclipse-temurin:25-jre\n", "",
						"not multi-stage"),
				arguments("health check on another port", "http://localhost:8000/actuator/health",
						"http://localhost:8080/actuator/health", "no HEALTHCHECK on http://localhost:8000/actuator/health"),
				arguments("heap not capped", "-XX:MaxRAMPercentage=60 ", "", "-XX:MaxRAMPercentage"),
				arguments("built without the wrapper", "sh ./mvnw", "mvn", "with the Maven Wrapper"),
				arguments("COPY of a missing path", "COPY risingwave risingwave", "COPY risingwav risingwave",
						"COPY source risingwav does not exist"),
				arguments("COPY of an ignored path", "COPY risingwave risingwave", "COPY .git .git",
						"COPY source .git is excluded by .dockerignore"));
	}

}
