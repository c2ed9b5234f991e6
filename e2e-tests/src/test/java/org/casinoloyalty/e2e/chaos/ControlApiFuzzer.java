package org.casinoloyalty.e2e.chaos;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Random requests to the generator's control API (methods, paths, bodies, headers, sizes) and a model
 * of the state that the valid ones, and only they, lead to. After each request the generator's
 * {@code /status} must show the model's state, and no answer may be a 5xx. The valid rates stay low
 * (at most 50 events/s), so the run loads the machine little.
 */
public final class ControlApiFuzzer {

	/** What the fuzz found: counts, and each breach of the rules in words. */
	public record Report(int requests, int valid, Map<Integer, Integer> statuses, List<String> breaches) {
	}

	private record Model(boolean running, double rate) {
	}

	/** @param valid an allowed, well-formed call of a state-changing endpoint (it may still change nothing: a second stop) */
	private record Attempt(String method, String path, Map<String, String> headers, byte[] body, boolean valid, Model after) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD",
			"TRACE", "FOO", "PROPFIND");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain",
			"application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x", "foo/bar;;;=",
			"application/json; charset=utf-16");

	private final URI base;
	private final String apiKey;
	private final Random random;
	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private double maxRate;

	/**
	 * @param apiKey the generator's {@code CASINO_API_KEY}, or null when it has none
	 * @param seed the same seed gives the same requests
	 */
	public ControlApiFuzzer(URI base, String apiKey, long seed) {
		this.base = base;
		this.apiKey = apiKey;
		this.random = new Random(seed);
	}

	/** Sends {@code requests} random requests, each followed by a read of {@code /status}. */
	public Report run(int requests) throws IOException, InterruptedException {
		maxRate = JSON.readTree(get("/rate")).get("max_rate").asDouble();
		Model model = status();
		int valid = 0;
		Map<Integer, Integer> statuses = new LinkedHashMap<>();
		List<String> breaches = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			Attempt attempt = next(model);
			int status = send(attempt, breaches);
			statuses.merge(status, 1, Integer::sum);
			if (attempt.valid()) {
				valid++;
			}
			Model now = status();
			if (status >= 500) {
				breaches.add(describe(attempt) + " answered " + status);
			}
			if (!now.equals(attempt.after())) {
				breaches.add(describe(attempt) + " (HTTP " + status + ") left " + now + ", expected " + attempt.after());
			}
			model = now;
		}
		return new Report(requests, valid, statuses, breaches);
	}

	private Attempt next(Model model) {
		String method = pick(METHODS);
		Map<String, String> headers = new LinkedHashMap<>();
		boolean crossSite = false;
		boolean keyRight = apiKey == null;
		if (random.nextInt(4) == 0) {
			String origin = random.nextBoolean() ? base.getScheme() + "://" + base.getAuthority() : "http://evil.example";
			headers.put("Origin", origin);
			crossSite |= origin.equals("http://evil.example");
		}
		if (random.nextInt(4) == 0) {
			String site = pick(List.of("same-origin", "none", "cross-site", "same-site", "CROSS-SITE", "garbage"));
			headers.put("Sec-Fetch-Site", site);
			crossSite |= !site.equals("same-origin") && !site.equals("none");
		}
		if (apiKey != null) {
			int choice = random.nextInt(4);
			if (choice < 2) {
				headers.put("X-API-Key", apiKey);
				keyRight = true;
			}
			else if (choice == 2) {
				headers.put("X-API-Key", apiKey + "x");
			}
		}
		boolean acceptsJson = true;
		if (random.nextInt(5) == 0) {
			String accept = pick(List.of("application/xml", "text/html", "*/*", "application/json", "image/png"));
			headers.put("Accept", accept);
			// the endpoints produce JSON only: any other wish is a 406 before the handler runs
			acceptsJson = accept.equals("*/*") || accept.equals("application/json");
		}
		boolean oversized = false;
		if (random.nextInt(20) == 0) {
			// well under or well over the server's 8 KB of request headers, which refuses the whole request
			oversized = random.nextBoolean();
			headers.put("X-Filler", "a".repeat(oversized ? 10_000 + random.nextInt(10_000) : 100 + random.nextInt(1_900)));
		}
		if (random.nextInt(10) == 0) {
			headers.put("X-" + Integer.toHexString(random.nextInt()), printable(random.nextInt(40)));
		}
		boolean allowed = !crossSite && keyRight && !oversized && acceptsJson;

		String path;
		boolean valid = false;
		Model after = model;
		double rate = validRate();
		String rateText = random.nextInt(3) == 0 ? invalidRate() : format(rate);
		boolean rateValid = isValid(rateText);
		byte[] body = null;
		int endpoint = random.nextInt(9);
		if (endpoint <= 3 && random.nextBoolean()) {
			method = switch (endpoint) {
				case 0, 1 -> "POST";
				case 2 -> random.nextBoolean() ? "GET" : "HEAD";
				default -> "PATCH";
			};
		}
		switch (endpoint) {
			case 0 -> {
				boolean withRate = random.nextBoolean();
				path = withRate ? "/start?rate=" + encode(rateText) : "/start";
				valid = allowed && isPost(method) && (!withRate || rateValid);
				if (valid && !model.running()) {
					after = new Model(true, withRate ? Double.parseDouble(rateText.strip()) : model.rate());
				}
			}
			case 1 -> {
				path = "/stop";
				valid = allowed && isPost(method);
				if (valid) {
					after = new Model(false, model.rate());
				}
			}
			case 2 -> {
				path = "/rate/" + encode(rateText);
				// Spring MVC answers HEAD with the GET handler, as HTTP says it should
				valid = allowed && (method.equals("GET") || method.equals("HEAD")) && rateValid;
				if (valid) {
					after = new Model(model.running(), Double.parseDouble(rateText.strip()));
				}
			}
			case 3 -> {
				path = "/rate";
				boolean json = random.nextBoolean();
				String text = json ? "{\"rate\": " + (random.nextBoolean() ? rateText : "\"" + rateText + "\"") + "}"
						: randomText(random.nextInt(200));
				body = text.getBytes(StandardCharsets.UTF_8);
				headers.put("Content-Type", json && random.nextInt(4) > 0 ? "application/json" : pick(CONTENT_TYPES));
				valid = allowed && method.equals("PATCH") && json && headers.get("Content-Type").equals("application/json")
						&& rateValid;
				if (valid) {
					after = new Model(model.running(), Double.parseDouble(rateText.strip()));
				}
			}
			case 4 -> path = pick(List.of("/status", "/health", "/rate", "/", "/v3/api-docs", "/swagger-ui.html"));
			case 5 -> path = "/" + pathSafe(randomText(random.nextInt(60)));
			case 6 -> path = pick(List.of("/start/now", "/stop/all", "/rate/5/6", "/ratex", "/stat", "/START", "/rate/"));
			case 7 -> {
				// 9 events/s or a number far beyond any maximum: valid rates stay low
				String nines = random.nextBoolean() ? "9" : "9".repeat(6 + random.nextInt(3000));
				path = "/rate/" + nines;
				valid = allowed && (method.equals("GET") || method.equals("HEAD")) && isValid(nines);
				if (valid) {
					after = new Model(model.running(), Double.parseDouble(nines));
				}
			}
			default -> {
				path = pick(List.of("/start", "/stop", "/rate", "/status"));
				body = new byte[random.nextInt(2_000_000)];
				random.nextBytes(body);
				// a form body could carry a rate parameter for /start: only kinds that cannot
				headers.put("Content-Type", pick(List.of("application/json", "text/plain", "application/octet-stream")));
				valid = allowed && isPost(method) && !path.equals("/rate") && !path.equals("/status");
				if (valid && path.equals("/stop")) {
					after = new Model(false, model.rate());
				}
				if (valid && path.equals("/start") && !model.running()) {
					after = new Model(true, model.rate());
				}
			}
		}
		if (body == null && random.nextInt(5) == 0 && !path.startsWith("/rate") && !path.startsWith("/start")) {
			body = randomText(random.nextInt(5000)).getBytes(StandardCharsets.UTF_8);
			headers.putIfAbsent("Content-Type", pick(CONTENT_TYPES));
		}
		return new Attempt(method, path, headers, body, valid, after);
	}

	private static boolean isPost(String method) {
		return method.equals("POST");
	}

	private int send(Attempt attempt, List<String> breaches) throws IOException, InterruptedException {
		HttpRequest.BodyPublisher body = attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(attempt.body());
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(attempt.path()))
			.timeout(Duration.ofSeconds(20))
			.method(attempt.method(), body);
		attempt.headers().forEach(request::header);
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			// the server may close the connection on headers over its limit; any other request must get an answer
			if (attempt.headers().getOrDefault("X-Filler", "").length() < 10_000) {
				breaches.add(describe(attempt) + " got no answer: " + ex);
			}
			return -1;
		}
	}

	private Model status() throws IOException, InterruptedException {
		JsonNode status = JSON.readTree(get("/status"));
		return new Model(status.get("running").asBoolean(), status.get("rate").asDouble());
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + " " + response.headers().map()
					+ ": " + response.body());
		}
		return response.body();
	}

	private double validRate() {
		return switch (random.nextInt(3)) {
			case 0 -> 1 + random.nextInt(50);
			case 1 -> Math.round((0.1 + random.nextDouble() * 49.9) * 1000) / 1000.0;
			default -> 0.1;
		};
	}

	private String invalidRate() {
		return pick(List.of("-1", "0", "0.09", "abc", "1e9", "10001", "NaN", "Infinity", "0x10", "5d", " ", "",
				"1".repeat(400), "½", "5 events", "1,5", "+-3", "1e-400"));
	}

	/** As RateLimits: plain decimal notation, from 0.1 to the generator's maximum. */
	private boolean isValid(String text) {
		String trimmed = text.strip();
		if (!trimmed.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
			return false;
		}
		double rate = Double.parseDouble(trimmed);
		return rate >= 0.1 && rate <= maxRate;
	}

	private static String format(double rate) {
		return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Letters and digits only: a path the router cannot read as one of the API's. */
	private static String pathSafe(String text) {
		return text.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
	}

	/** Header values must be visible ASCII. */
	private String printable(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) (33 + random.nextInt(94)));
		}
		return text.toString();
	}

	private String randomText(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : 0x80 + random.nextInt(0x2000)));
		}
		return text.toString();
	}

	private <T> T pick(List<T> options) {
		return options.get(random.nextInt(options.size()));
	}

	private static String describe(Attempt attempt) {
		String path = attempt.path().length() > 80 ? attempt.path().substring(0, 80) + "…" : attempt.path();
		return attempt.method() + " " + path + " " + attempt.headers().keySet()
				+ (attempt.body() == null ? "" : " with " + attempt.body().length + " bytes");
	}

}
