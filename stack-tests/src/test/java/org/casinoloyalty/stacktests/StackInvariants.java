package org.casinoloyalty.stacktests;

import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What issues 4 and 9 ask of docker-compose.yml beyond the Compose Specification: the five services of the
 * original, pinned images, a healthcheck wherever one can run (with a tool the image is known to have; for the
 * services built here on Actuator at the port their build argument PORT names, SERVICE naming a module), start
 * order on health, state on named volumes, memory limits that fit a laptop, and the original's host ports,
 * published on the loopback address unless CASINO_BIND says otherwise.
 */
final class StackInvariants {

	static final List<String> SERVICES = List.of("redpanda", "risingwave", "console", "generator", "dashboard");

	/** Host port of the original -> the service publishing it. */
	static final Map<Integer, String> HOST_PORTS = Map.of(19092, "redpanda", 4566, "risingwave", 8080, "console",
			8000, "generator", 8501, "dashboard");

	/** Service -> the services it must not start before (they must be healthy first). */
	static final Map<String, Set<String>> START_ORDER = Map.of("console", Set.of("redpanda"), "generator",
			Set.of("redpanda", "risingwave"), "dashboard", Set.of("risingwave"));

	/**
	 * The program each service's healthcheck runs, and where the image is known to have it. A healthcheck on a
	 * tool nobody confirmed in the image stays "unhealthy" forever and stops everything that waits for it.
	 * redpanda: rpk (the image's entrypoint execs /usr/bin/rpk; Redpanda's redpanda-labs compose files check with
	 * it); risingwave: bash (runtime stage ubuntu:24.04 in docker/Dockerfile at v2.8.5, and RisingWave's own
	 * docker-compose.yml checks with it); generator, dashboard: curl (the repository's Dockerfile installs it,
	 * ServiceDockerfileTest).
	 */
	static final Map<String, String> HEALTHCHECK_TOOLS = Map.of("redpanda", "rpk", "risingwave", "bash", "generator",
			"curl", "dashboard", "curl");

	/**
	 * Services without a healthcheck, and why. Console: redpanda-data/console has published no Dockerfile since
	 * 2022 (commit c9b497d20), so no tool to run a check is confirmed in the image; nothing waits for it.
	 */
	static final Map<String, String> WITHOUT_HEALTHCHECK = Map.of("console",
			"no tool confirmed in the image, and nothing depends on it");

	/** What the memory limits of the default stack may add up to: 6 GiB, a laptop's Docker Desktop share. */
	static final long MEMORY_BUDGET_BYTES = 6L << 30;

	/** The host address every published port binds to; CASINO_BIND=0.0.0.0 opens them to the network. */
	static final String BIND_ADDRESS = "${CASINO_BIND:-127.0.0.1}";

	private static final Pattern BYTE_VALUE = Pattern.compile("(\\d+(?:\\.\\d+)?)([bkmg]?)b?", Pattern.CASE_INSENSITIVE);

	private static final String REDPANDA_DATA = "/var/lib/redpanda/data";

	/** single_node's default --store-directory inside the image (~ of root). */
	private static final String RISINGWAVE_DEFAULT_STORE = "/root/.risingwave";

	private StackInvariants() {
	}

	/** One line per broken invariant; empty when all hold. */
	static List<String> violations(JsonNode compose, Path repositoryRoot) {
		List<String> violations = new ArrayList<>();
		JsonNode services = compose.path("services");
		for (String name : SERVICES) {
			if (!services.has(name)) {
				violations.add("service " + name + " is missing");
			}
		}
		for (Map.Entry<String, JsonNode> service : services.properties()) {
			checkService(service.getKey(), service.getValue(), repositoryRoot, violations);
		}
		START_ORDER.forEach((service, dependencies) -> dependencies.forEach(dependency -> {
			if (services.has(service) && !services.path(service).path("depends_on").has(dependency)) {
				violations.add("service " + service + " must wait for " + dependency);
			}
		}));
		HOST_PORTS.forEach((port, service) -> {
			if (!publishedPorts(services.path(service)).contains(port)) {
				violations.add("host port " + port + " is not published by service " + service);
			}
		});
		checkNamedVolume(compose, "redpanda", REDPANDA_DATA, violations);
		checkNamedVolume(compose, "risingwave", risingWaveStoreDirectory(services.path("risingwave")), violations);
		String autoStart = environment(services.path("generator")).getOrDefault("CASINO_GENERATOR_AUTOSTART", "");
		if (!autoStart.startsWith("${CASINO_GENERATOR_AUTOSTART")) {
			violations.add("service generator does not pass CASINO_GENERATOR_AUTOSTART through (make start needs it)");
		}
		boolean reactorPassedThrough = false;
		for (JsonNode argument : services.path("redpanda").path("command")) {
			reactorPassedThrough |= argument.asString("").startsWith("--reactor-backend=${CASINO_REDPANDA_REACTOR_BACKEND:-");
		}
		if (!reactorPassedThrough) {
			violations.add("service redpanda does not pass CASINO_REDPANDA_REACTOR_BACKEND through to --reactor-backend"
					+ " (the preflight's Async I/O fix names it)");
		}
		long memory = 0;
		for (Map.Entry<String, JsonNode> service : services.properties()) {
			memory += bytes(service.getValue().path("deploy").path("resources").path("limits").path("memory").asString("0"));
		}
		if (memory > MEMORY_BUDGET_BYTES) {
			violations.add("memory limits add up to " + (memory >> 20) + " MiB, over the budget of "
					+ (MEMORY_BUDGET_BYTES >> 20) + " MiB");
		}
		return violations;
	}

	/** Bytes of a Compose byte value: a number with an optional unit b, k, m or g (optionally followed by b). */
	static long bytes(String value) {
		Matcher byteValue = BYTE_VALUE.matcher(value.strip());
		if (!byteValue.matches()) {
			throw new IllegalArgumentException("not a Compose byte value: " + value);
		}
		int shift = switch (byteValue.group(2).toLowerCase(Locale.ROOT)) {
			case "k" -> 10;
			case "m" -> 20;
			case "g" -> 30;
			default -> 0;
		};
		return (long) (Double.parseDouble(byteValue.group(1)) * (1L << shift));
	}

	private static void checkService(String name, JsonNode service, Path repositoryRoot, List<String> violations) {
		String image = service.path("image").asString("");
		if (image.isEmpty()) {
			violations.add("service " + name + " names no image with a pinned tag");
		}
		else {
			String tag = tagOf(image);
			if (tag.isEmpty()) {
				violations.add("service " + name + ": image " + image + " has no tag");
			}
			else if (tag.equals("latest")) {
				violations.add("service " + name + ": image " + image + " uses the tag latest");
			}
		}
		JsonNode build = service.path("build");
		if (!build.isMissingNode()) {
			Path context = repositoryRoot.resolve(build.isString() ? build.asString() : build.path("context").asString("."));
			Path dockerfile = context.resolve(build.path("dockerfile").asString("Dockerfile")).normalize();
			if (!Files.isRegularFile(dockerfile)) {
				violations.add("service " + name + ": Dockerfile " + dockerfile + " not found");
			}
			checkServiceBuild(name, service, context, violations);
		}
		if (!hasHealthcheck(service) && !WITHOUT_HEALTHCHECK.containsKey(name)) {
			violations.add("service " + name + " has no healthcheck");
		}
		if (hasHealthcheck(service)) {
			String tool = healthcheckProgram(service.path("healthcheck").path("test"));
			if (!tool.equals(HEALTHCHECK_TOOLS.get(name))) {
				violations.add("service " + name + ": healthcheck runs " + tool
						+ ", which nobody confirmed in its image (confirmed: " + HEALTHCHECK_TOOLS.getOrDefault(name, "none") + ")");
			}
		}
		for (JsonNode port : service.path("ports")) {
			String hostIp = port.isObject() ? port.path("host_ip").asString("") : port.asString();
			if (!hostIp.startsWith(BIND_ADDRESS)) {
				violations.add("service " + name + " publishes " + (port.isObject() ? port.path("published").asString("") : port.asString())
						+ " without the bind address " + BIND_ADDRESS + " (it would listen on every interface)");
			}
		}
		JsonNode dependsOn = service.path("depends_on");
		if (dependsOn.isArray()) {
			violations.add("service " + name + ": depends_on as a list starts without waiting for health");
		}
		for (Map.Entry<String, JsonNode> dependency : dependsOn.properties()) {
			String condition = dependency.getValue().path("condition").asString("service_started");
			if (!condition.equals("service_healthy")) {
				violations.add("service " + name + " waits for " + dependency.getKey() + " with condition " + condition
						+ " instead of service_healthy");
			}
			if (WITHOUT_HEALTHCHECK.containsKey(dependency.getKey())) {
				violations.add("service " + name + " waits for the health of " + dependency.getKey() + ", which has no healthcheck ("
						+ WITHOUT_HEALTHCHECK.get(dependency.getKey()) + ")");
			}
		}
		if (service.path("deploy").path("resources").path("limits").path("memory").asString("").isEmpty()) {
			violations.add("service " + name + " has no memory limit");
		}
	}

	/**
	 * A service built from the repository's one Dockerfile names its module (build argument SERVICE, a directory
	 * with a pom.xml) and its port (PORT), and its healthcheck, defined here only, asks Actuator on that port.
	 */
	private static void checkServiceBuild(String name, JsonNode service, Path context, List<String> violations) {
		Map<String, String> arguments = keyValues(service.path("build").path("args"));
		String module = arguments.getOrDefault("SERVICE", "");
		if (module.isEmpty() || !Files.isRegularFile(context.resolve(module).resolve("pom.xml"))) {
			violations.add("service " + name + ": build argument SERVICE names no module of the repository: '" + module + "'");
		}
		String port = arguments.getOrDefault("PORT", "");
		if (port.isEmpty()) {
			violations.add("service " + name + ": no build argument PORT (the port its image exposes)");
		}
		else {
			String actuator = "http://localhost:" + managementPort(service).orElse(port) + "/actuator/health";
			if (!healthcheckCommand(service.path("healthcheck").path("test")).contains(actuator)) {
				violations.add("service " + name + ": healthcheck does not ask " + actuator);
			}
		}
	}

	/** A service whose Actuator has a port of its own names it in its environment ({@code …MANAGEMENT_PORT}). */
	private static Optional<String> managementPort(JsonNode service) {
		return environment(service).entrySet().stream()
			.filter(variable -> variable.getKey().endsWith("MANAGEMENT_PORT"))
			.map(Map.Entry::getValue)
			.findFirst();
	}

	private static boolean hasHealthcheck(JsonNode service) {
		JsonNode healthcheck = service.path("healthcheck");
		return !healthcheck.path("test").isMissingNode() && !healthcheck.path("disable").asBoolean(false)
				&& !healthcheck.path("test").path(0).asString("").equals("NONE");
	}

	/** The program a healthcheck test starts: ["CMD", program, …], ["CMD-SHELL", "program …"] or "program …". */
	private static String healthcheckProgram(JsonNode test) {
		return healthcheckCommand(test).strip().split("\\s+")[0];
	}

	private static String healthcheckCommand(JsonNode test) {
		return test.isArray() ? test.path(1).asString("") : test.asString("");
	}

	/** Tag of an image reference; a digest counts as pinned. */
	private static String tagOf(String image) {
		if (image.contains("@")) {
			return image.substring(image.indexOf('@') + 1);
		}
		String lastSegment = image.substring(image.lastIndexOf('/') + 1);
		int colon = lastSegment.indexOf(':');
		return colon < 0 ? "" : lastSegment.substring(colon + 1);
	}

	/** Host ports of the short ("[ip:]host:container[/proto]") and long ({published: …}) port syntax. */
	private static Set<Integer> publishedPorts(JsonNode service) {
		Set<Integer> ports = new HashSet<>();
		for (JsonNode port : service.path("ports")) {
			if (port.isObject()) {
				String published = port.path("published").asString("");
				if (!published.isEmpty()) {
					ports.add(Integer.parseInt(published));
				}
			}
			else {
				String[] parts = port.asString().split("/")[0].split(":");
				if (parts.length >= 2) {
					ports.add(Integer.parseInt(parts[parts.length - 2]));
				}
			}
		}
		return ports;
	}

	private static String risingWaveStoreDirectory(JsonNode risingwave) {
		JsonNode command = risingwave.path("command");
		for (int i = 0; i < command.size() - 1; i++) {
			if (command.path(i).asString().equals("--store-directory")) {
				return command.path(i + 1).asString();
			}
		}
		return RISINGWAVE_DEFAULT_STORE;
	}

	/** A service must keep its data directory on a volume declared at the top level, not in the container. */
	private static void checkNamedVolume(JsonNode compose, String service, String target, List<String> violations) {
		JsonNode declared = compose.path("volumes");
		for (JsonNode volume : compose.path("services").path(service).path("volumes")) {
			String[] parts = volume.isObject()
					? new String[] { volume.path("source").asString(""), volume.path("target").asString("") }
					: volume.asString().split(":");
			if (parts.length >= 2 && parts[1].equals(target) && declared.has(parts[0])) {
				return;
			}
		}
		violations.add("service " + service + " keeps " + target + " on no named volume");
	}

	private static Map<String, String> environment(JsonNode service) {
		return keyValues(service.path("environment"));
	}

	/** A Compose mapping given as a map or as a list of {@code KEY=value} (environment, build args). */
	private static Map<String, String> keyValues(JsonNode declared) {
		Map<String, String> environment = new LinkedHashMap<>();
		if (declared.isArray()) {
			for (JsonNode entry : declared) {
				String[] keyValue = entry.asString().split("=", 2);
				environment.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
			}
		}
		else {
			declared.properties().forEach(entry -> environment.put(entry.getKey(), entry.getValue().asString("")));
		}
		return environment;
	}

}
