package org.casinoloyalty.stacktests;

import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * What issues 4, 9 and 14 ask of docker-compose.yml beyond the Compose Specification. Every service belongs to
 * exactly one of two profiles, and each profile on its own is a whole stack: pinned images, a healthcheck wherever
 * one can run (with a tool the image is known to have; for the services built here on Actuator at the port their
 * build argument PORT names, SERVICE naming a module), start order on health and only on services of the same
 * profile, state on named volumes, memory limits within the profile's budget, and host ports each published once,
 * on the loopback address unless CASINO_BIND says otherwise. The single-node profile (the default) also keeps the
 * original's five services and host ports; the cluster profile's own rules are in {@link ClusterInvariants}.
 */
final class StackInvariants {

	static final List<String> PROFILES = List.of(ComposeFile.SINGLE_NODE, ComposeFile.CLUSTER);

	static final List<String> SERVICES = List.of("redpanda", "risingwave", "console", "generator", "dashboard");

	/** Host port of the original -> the service publishing it. */
	static final Map<Integer, String> HOST_PORTS = Map.of(19092, "redpanda", 4566, "risingwave", 8080, "console",
			8000, "generator", 8501, "dashboard");

	/** Service -> the services it must not start before (they must be healthy first). */
	static final Map<String, Set<String>> START_ORDER = Map.of("console", Set.of("redpanda"), "generator",
			Set.of("redpanda", "risingwave"), "dashboard", Set.of("risingwave"));

	/**
	 * The program a healthcheck runs, by the image the service runs, and where that image is known to have it. A
	 * healthcheck on a tool nobody confirmed in the image stays "unhealthy" forever and stops everything that waits
	 * for it. Redpanda: rpk (the image's entrypoint execs /usr/bin/rpk; Redpanda's redpanda-labs compose files check
	 * with it); RisingWave: bash (runtime stage ubuntu:24.04 in docker/Dockerfile at v2.8.5, and RisingWave's own
	 * compose files check with it); PostgreSQL: pg_isready (part of the postgres image; RisingWave's
	 * docker-compose-distributed.yml checks with it); MinIO: curl (Dockerfile.release at RELEASE.2025-09-07T16-13-09Z
	 * copies a static curl into /usr/bin); generator, dashboard: curl (the repository's Dockerfile installs it,
	 * ServiceDockerfileTest).
	 */
	static final Map<String, String> HEALTHCHECK_TOOLS = Map.of("docker.redpanda.com/redpandadata/redpanda", "rpk",
			"risingwavelabs/risingwave", "bash", "postgres", "pg_isready", "quay.io/minio/minio", "curl",
			"casino-loyalty/generator-service", "curl", "casino-loyalty/dashboard-service", "curl");

	/**
	 * Images run without a healthcheck, and why. Console: redpanda-data/console has published no Dockerfile since
	 * 2022 (commit c9b497d20), so no tool to run a check is confirmed in the image; nothing waits for it.
	 */
	static final Map<String, String> WITHOUT_HEALTHCHECK = Map.of("docker.redpanda.com/redpandadata/console",
			"no tool confirmed in the image, and nothing depends on it");

	/** What the memory limits of the default stack may add up to: 6 GiB, a laptop's Docker Desktop share. */
	static final long MEMORY_BUDGET_BYTES = 6L << 30;

	/** The host address every published port binds to; CASINO_BIND=0.0.0.0 opens them to the network. */
	static final String BIND_ADDRESS = "${CASINO_BIND:-127.0.0.1}";

	static final String REDPANDA_IMAGE = "docker.redpanda.com/redpandadata/redpanda";

	static final String REDPANDA_DATA = "/var/lib/redpanda/data";

	private static final Pattern BYTE_VALUE = Pattern.compile("(\\d+(?:\\.\\d+)?)([bkmg]?)b?", Pattern.CASE_INSENSITIVE);

	/** single_node's default --store-directory inside the image (~ of root). */
	private static final String RISINGWAVE_DEFAULT_STORE = "/root/.risingwave";

	private StackInvariants() {
	}

	/** One line per broken invariant of the whole file; empty when all hold. */
	static List<String> violations(JsonNode compose, Path repositoryRoot) {
		List<String> violations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> service : compose.path("services").properties()) {
			List<String> profiles = service.getValue().path("profiles").valueStream().map(JsonNode::asString).toList();
			if (profiles.size() != 1 || !PROFILES.contains(profiles.getFirst())) {
				violations.add("service " + service.getKey() + " names the profiles " + profiles + " instead of exactly one of "
						+ PROFILES + " (without one it would start with both)");
			}
		}
		violations.addAll(singleNodeViolations(ComposeFile.project(compose, ComposeFile.SINGLE_NODE), repositoryRoot));
		violations.addAll(ClusterInvariants.violations(compose, repositoryRoot));
		return violations;
	}

	/** The default stack, as a bare {@code docker compose up} starts it. */
	private static List<String> singleNodeViolations(JsonNode project, Path repositoryRoot) {
		List<String> violations = profileViolations(ComposeFile.SINGLE_NODE, project, repositoryRoot, MEMORY_BUDGET_BYTES);
		JsonNode services = project.path("services");
		for (String name : SERVICES) {
			if (!services.has(name)) {
				violations.add("service " + name + " is missing");
			}
		}
		checkStartOrder(services, START_ORDER, violations);
		checkHostPorts(services, HOST_PORTS, violations);
		checkNamedVolume(project, "redpanda", REDPANDA_DATA, violations);
		checkNamedVolume(project, "risingwave", risingWaveStoreDirectory(services.path("risingwave")), violations);
		return violations;
	}

	/** What holds in each profile: the services it enables are a stack of their own. */
	static List<String> profileViolations(String profile, JsonNode project, Path repositoryRoot, long memoryBudget) {
		List<String> violations = new ArrayList<>();
		JsonNode services = project.path("services");
		Map<Integer, String> publishers = new HashMap<>();
		long memory = 0;
		for (Map.Entry<String, JsonNode> entry : services.properties()) {
			String name = entry.getKey();
			JsonNode service = entry.getValue();
			checkService(name, service, services, repositoryRoot, violations);
			for (Integer port : publishedPorts(service)) {
				String other = publishers.putIfAbsent(port, name);
				if (other != null) {
					violations.add("profile " + profile + ": host port " + port + " is published by both " + other + " and " + name);
				}
			}
			if (imageRepository(service).equals(REDPANDA_IMAGE)) {
				checkReactorBackend(name, service, violations);
			}
			if (builtModule(service).equals("generator-service")) {
				String autoStart = environment(service).getOrDefault("CASINO_GENERATOR_AUTOSTART", "");
				if (!autoStart.startsWith("${CASINO_GENERATOR_AUTOSTART")) {
					violations.add("service " + name + " does not pass CASINO_GENERATOR_AUTOSTART through (make start needs it)");
				}
			}
			memory += bytes(service.path("deploy").path("resources").path("limits").path("memory").asString("0"));
		}
		if (memory > memoryBudget) {
			violations.add("profile " + profile + ": memory limits add up to " + (memory >> 20) + " MiB, over the budget of "
					+ (memoryBudget >> 20) + " MiB");
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

	/** The sum of a profile's memory limits, in bytes. */
	static long memoryLimits(JsonNode project) {
		long total = 0;
		for (JsonNode service : project.path("services")) {
			total += bytes(service.path("deploy").path("resources").path("limits").path("memory").asString());
		}
		return total;
	}

	/** Every host port of the map is published by the service it names. */
	static void checkHostPorts(JsonNode services, Map<Integer, String> hostPorts, List<String> violations) {
		hostPorts.forEach((port, service) -> {
			if (!publishedPorts(services.path(service)).contains(port)) {
				violations.add("host port " + port + " is not published by service " + service);
			}
		});
	}

	/** Service -> the services it waits for, each healthy first. */
	static void checkStartOrder(JsonNode services, Map<String, Set<String>> startOrder, List<String> violations) {
		startOrder.forEach((service, dependencies) -> dependencies.forEach(dependency -> {
			if (services.has(service) && !services.path(service).path("depends_on").has(dependency)) {
				violations.add("service " + service + " must wait for " + dependency);
			}
		}));
	}

	private static void checkReactorBackend(String name, JsonNode service, List<String> violations) {
		boolean reactorPassedThrough = false;
		for (JsonNode argument : service.path("command")) {
			reactorPassedThrough |= argument.asString("").startsWith("--reactor-backend=${CASINO_REDPANDA_REACTOR_BACKEND:-");
		}
		if (!reactorPassedThrough) {
			violations.add("service " + name + " does not pass CASINO_REDPANDA_REACTOR_BACKEND through to --reactor-backend"
					+ " (the preflight's Async I/O fix names it)");
		}
	}

	private static void checkService(String name, JsonNode service, JsonNode profileServices, Path repositoryRoot,
			List<String> violations) {
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
		String repository = imageRepository(service);
		if (!hasHealthcheck(service) && !WITHOUT_HEALTHCHECK.containsKey(repository)) {
			violations.add("service " + name + " has no healthcheck");
		}
		if (hasHealthcheck(service)) {
			String tool = healthcheckProgram(service.path("healthcheck").path("test"));
			if (!tool.equals(HEALTHCHECK_TOOLS.get(repository))) {
				violations.add("service " + name + ": healthcheck runs " + tool
						+ ", which nobody confirmed in its image (confirmed: " + HEALTHCHECK_TOOLS.getOrDefault(repository, "none") + ")");
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
			JsonNode other = profileServices.path(dependency.getKey());
			if (other.isMissingNode()) {
				// Compose refuses the whole project: "service … is required by … but is disabled" (compose-go graph/services.go)
				violations.add("service " + name + " waits for " + dependency.getKey() + ", which its profile does not start");
			}
			else if (WITHOUT_HEALTHCHECK.containsKey(imageRepository(other))) {
				violations.add("service " + name + " waits for the health of " + dependency.getKey() + ", which has no healthcheck ("
						+ WITHOUT_HEALTHCHECK.get(imageRepository(other)) + ")");
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

	/** The module a service is built from (build argument SERVICE), or "" for a service that runs an image. */
	static String builtModule(JsonNode service) {
		return keyValues(service.path("build").path("args")).getOrDefault("SERVICE", "");
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

	/** The image a service runs without its tag or digest: what the image is, whatever its version. */
	static String imageRepository(JsonNode service) {
		String image = service.path("image").asString("");
		String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
		int slash = withoutDigest.lastIndexOf('/');
		int colon = withoutDigest.indexOf(':', slash + 1);
		return colon < 0 ? withoutDigest : withoutDigest.substring(0, colon);
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
	static Set<Integer> publishedPorts(JsonNode service) {
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
		return argument(risingwave.path("command"), "--store-directory").orElse(RISINGWAVE_DEFAULT_STORE);
	}

	/** The value after a flag in a command given as a list ({@code ["--flag", "value"]}). */
	static Optional<String> argument(JsonNode command, String flag) {
		for (int i = 0; i < command.size() - 1; i++) {
			if (command.path(i).asString("").equals(flag)) {
				return Optional.of(command.path(i + 1).asString(""));
			}
		}
		return Optional.empty();
	}

	/** A service must keep its data directory on a volume declared at the top level, not in the container. */
	static void checkNamedVolume(JsonNode compose, String service, String target, List<String> violations) {
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

	static Map<String, String> environment(JsonNode service) {
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
