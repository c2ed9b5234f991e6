package org.casinoloyalty.stacktests;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's docker-compose.yml as a JSON tree, the shape the Compose Specification schema describes. */
final class ComposeFile {

	/** Surefire runs with the module directory as working directory; the compose file sits one level up. */
	static final Path REPOSITORY_ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Path DOCKER_COMPOSE_YML = REPOSITORY_ROOT.resolve("docker-compose.yml");

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

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
		return YAML.readTree(yaml);
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
