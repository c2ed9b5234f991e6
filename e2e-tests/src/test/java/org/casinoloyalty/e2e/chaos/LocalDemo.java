package org.casinoloyalty.e2e.chaos;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The running local demo as {@code make chaos} drives it: its processes (by their pid files), the
 * generator's control API, local-stack's health, SQL on port 4566, and {@code make demo} to bring it back.
 */
final class LocalDemo {

	static final String KAFKA = "127.0.0.1:19092";

	static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:4566/dev";

	static final URI GENERATOR = URI.create("http://127.0.0.1:8000");

	static final URI DASHBOARD = URI.create("http://127.0.0.1:8501");

	private static final URI LOCAL_STACK = URI.create("http://127.0.0.1:8090");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path root;
	private final Path logs;
	private final String apiKey = System.getenv("CASINO_API_KEY");
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	LocalDemo(Path root, Path logs) {
		this.root = root;
		this.logs = logs;
	}

	String apiKey() {
		return apiKey;
	}

	/** The pid in {@code .local/pids/<service>.pid}. */
	long pid(String service) throws IOException {
		return Long.parseLong(Files.readString(root.resolve(".local/pids/" + service + ".pid")).strip());
	}

	/** The embedded PostgreSQL's postmaster, from the first line of its {@code postmaster.pid}. */
	long postmaster() throws IOException {
		return Long.parseLong(Files.readAllLines(root.resolve(".local/data/postgres/postmaster.pid")).getFirst().strip());
	}

	/** {@code kill -<signal> <pid>}: KILL, STOP and CONT, which ProcessHandle cannot all send. */
	void signal(long pid, String signal) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
		}
	}

	/** {@code make demo}, as a user runs it after a crash; its output goes to {@code logs/<name>.log}. */
	void makeDemo(String name) throws IOException, InterruptedException {
		Process make = new ProcessBuilder("make", "demo").directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logs.resolve(name + ".log").toFile())
			.start();
		if (!make.waitFor(5, TimeUnit.MINUTES)) {
			make.destroyForcibly();
			throw new IllegalStateException("make demo did not finish within 5 minutes (" + name + ".log)");
		}
		if (make.exitValue() != 0) {
			throw new IllegalStateException("make demo failed with " + make.exitValue() + ": "
					+ String.join(" / ", tail(logs.resolve(name + ".log"), 5)));
		}
	}

	private static List<String> tail(Path file, int lines) throws IOException {
		List<String> all = Files.readAllLines(file);
		return all.subList(Math.max(0, all.size() - lines), all.size());
	}

	/** A call of the control API with the API key, if the demo has one; fails unless 2xx. */
	JsonNode generator(String method, String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(GENERATOR.resolve(path)).timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	JsonNode generatorStatus() throws IOException, InterruptedException {
		return generator("GET", "/status");
	}

	/** local-stack's actuator health, or null while it does not answer. */
	JsonNode localStackHealth() {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(LOCAL_STACK.resolve("/actuator/health"))
				.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** The health status of one of local-stack's components (ingest, outbox, db, broker), or "unreachable". */
	String component(String name) {
		JsonNode health = localStackHealth();
		return health == null ? "unreachable" : health.path("components").path(name).path("status").asString("missing");
	}

	Connection sql() throws SQLException {
		return DriverManager.getConnection(JDBC_URL, "root", "");
	}

}
