package org.casinoloyalty.stacktests;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's docker-compose.yml as a JSON tree, the shape the Compose Specification schema describes, with its
 * YAML anchors and {@code <<:} merge keys resolved as Compose resolves them (docs.docker.com/reference/compose-file/
 * fragments/). SnakeYAML reads it: Jackson's YAML module (snakeyaml-engine, YAML 1.2) leaves a merge key as a key.
 */
final class ComposeFile {

	/** Surefire runs with the module directory as working directory; the compose file sits one level up. */
	static final Path REPOSITORY_ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Path DOCKER_COMPOSE_YML = REPOSITORY_ROOT.resolve("docker-compose.yml");

	/** The profile a bare {@code docker compose up} starts: {@code .env} sets COMPOSE_PROFILES to it. */
	static final String SINGLE_NODE = "single-node";

	/** {@code docker compose --profile cluster up}: three brokers, RisingWave in distributed mode. */
	static final String CLUSTER = "cluster";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ComposeFile() {
	}

	static JsonNode read() {
		try {
			return parse(Files.readString(DOCKER_COMPOSE_YML));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + DOCKER_COMPOSE_YML, ex);
		}
	}

	static JsonNode parse(String yaml) {
		LoaderOptions options = new LoaderOptions();
		// Compose refuses a key given twice in one mapping; a key a merge brings in may be overridden.
		options.setAllowDuplicateKeys(false);
		return JSON.valueToTree(new Yaml(new SafeConstructor(options)).load(yaml));
	}

	/**
	 * The file with only the services Compose enables for one active profile: those without {@code profiles}
	 * (always enabled) and those naming it (docs.docker.com/reference/compose-file/profiles/).
	 */
	static ObjectNode project(JsonNode compose, String profile) {
		ObjectNode project = ((ObjectNode) compose).deepCopy();
		ObjectNode services = project.putObject("services");
		compose.path("services").properties().forEach(service -> {
			JsonNode profiles = service.getValue().path("profiles");
			boolean enabled = profiles.isMissingNode() || profiles.valueStream().anyMatch(name -> name.asString().equals(profile));
			if (enabled) {
				services.set(service.getKey(), service.getValue());
			}
		});
		return project;
	}

	/** The image a service of docker-compose.yml runs, so the container tests use the same pinned tags. */
	static String imageOf(String service) {
		JsonNode image = read().path("services").path(service).path("image");
		if (!image.isString()) {
			throw new IllegalStateException("service " + service + " of " + DOCKER_COMPOSE_YML + " names no image");
		}
		return image.asString();
	}

}
