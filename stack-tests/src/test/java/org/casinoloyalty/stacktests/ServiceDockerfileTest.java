package org.casinoloyalty.stacktests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one service Dockerfile, read for each service's build arguments, checked without a Docker engine. */
class ServiceDockerfileTest {

	static final Path ROOT = ComposeFile.REPOSITORY_ROOT;

	static final Path DOCKERFILE = ROOT.resolve("Dockerfile");

	static final List<String> DOCKERIGNORE = ServiceDockerfile.dockerignore(ROOT.resolve(".dockerignore"));

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "generator-service, 8000", "dashboard-service, 8501" })
	void serviceImageFollowsTheRules(String module, int port) {
		ServiceDockerfile dockerfile = ServiceDockerfile.read(DOCKERFILE, buildArguments(module, port));

		assertThat(dockerfile.violations(module, port, ROOT, DOCKERIGNORE)).isEmpty();
	}

	/**
	 * Each row breaks one rule: the Dockerfile with {@code from} replaced by {@code to} must report
	 * {@code expected}. A value in backquotes keeps its spaces and line breaks; `` is the empty text.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			runs as root | generator-service | 8000 | USER casino | USER root | runtime stage runs as root
			no USER | generator-service | 8000 | `USER casino\n` | `` | runtime stage runs as root
			runtime on a JDK | generator-service | 8000 | FROM eclipse-temurin:25-jre | FROM eclipse-temurin:25-jdk | runtime stage is not on eclipse-temurin:25-jre
			runtime stage dropped | generator-service | 8000 | `FROM eclipse-temurin:25-jre\n` | `` | runtime stage is not on eclipse-temurin:25-jre
			a HEALTHCHECK of its own | dashboard-service | 8501 | ENTRYPOINT | `HEALTHCHECK CMD curl -fsS http://localhost:8501/actuator/health\nENTRYPOINT` | a HEALTHCHECK in the image: docker-compose.yml defines
			no curl for compose's healthcheck | generator-service | 8000 | `apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \\\n && useradd` | useradd | runtime stage installs no curl
			heap not capped | generator-service | 8000 | `-XX:MaxRAMPercentage=60 ` | `` | -XX:MaxRAMPercentage
			port not exposed | dashboard-service | 8501 | EXPOSE ${PORT} | EXPOSE 8000 | does not EXPOSE 8501
			built without the wrapper | generator-service | 8000 | sh ./mvnw | mvn | with the Maven Wrapper
			builds a fixed module | dashboard-service | 8501 | -pl ${SERVICE} -am | -pl generator-service -am | no RUN packages dashboard-service
			builds outside the reactor | generator-service | 8000 | -pl ${SERVICE} -am | -f ${SERVICE}/pom.xml | in the reactor (-pl generator-service -am)
			copies another service | dashboard-service | 8501 | COPY dashboard-service dashboard-service | `COPY dashboard-service dashboard-service\nCOPY generator-service generator-service` | copies the sources of module generator-service
			does not copy its module | dashboard-service | 8501 | `COPY dashboard-service dashboard-service\n` | `` | does not COPY dashboard-service
			COPY of a missing path | generator-service | 8000 | COPY risingwave risingwave | COPY risingwav risingwave | COPY source risingwav does not exist
			COPY of an ignored path | generator-service | 8000 | COPY risingwave risingwave | COPY .git .git | COPY source .git is excluded by .dockerignore
			""")
	void eachRuleFailsWhenTheDockerfileBreaksIt(String change, String module, int port, String from, String to,
			String expected) throws IOException {
		String original = Files.readString(DOCKERFILE);
		assertThat(original).contains(from);

		ServiceDockerfile broken = ServiceDockerfile.parse(original.replace(from, to), buildArguments(module, port));

		assertThat(broken.violations(module, port, ROOT, DOCKERIGNORE))
			.anySatisfy(violation -> assertThat(violation).contains(expected));
	}

	@Test
	void aSingleStageFileIsNotMultiStage() {
		ServiceDockerfile single = ServiceDockerfile.parse("""
				FROM eclipse-temurin:25-jdk
				RUN sh ./mvnw -B -pl generator-service -am package
				""", buildArguments("generator-service", 8000));

		assertThat(single.violations("generator-service", 8000, ROOT, DOCKERIGNORE)).anySatisfy(
				violation -> assertThat(violation).contains("not multi-stage: 1 FROM"));
	}

	/** As docker-compose.yml passes them (ComposeFileTest holds compose to a module and its port). */
	static Map<String, String> buildArguments(String module, int port) {
		return Map.of("SERVICE", module, "PORT", String.valueOf(port));
	}

}
