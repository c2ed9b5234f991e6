package org.casinoloyalty.generator.control;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.publishing.BrokerConnectionHealthIndicator;
import org.casinoloyalty.generator.publishing.EventPump;
import org.casinoloyalty.generator.publishing.TransactionPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import static org.casinoloyalty.generator.control.ControlResponses.Broker;
import static org.casinoloyalty.generator.control.ControlResponses.Health;
import static org.casinoloyalty.generator.control.ControlResponses.Rate;
import static org.casinoloyalty.generator.control.ControlResponses.RateChange;
import static org.casinoloyalty.generator.control.ControlResponses.RateChanged;
import static org.casinoloyalty.generator.control.ControlResponses.RunChange;
import static org.casinoloyalty.generator.control.ControlResponses.Status;

/** The generator's control API: the original's FastAPI endpoints, with input checked. */
@RestController
@Tag(name = "generator", description = "Start, stop and pace the casino simulator")
class GeneratorController {

	private static final String BAD_RATE = """
			{"type":"about:blank","title":"Invalid rate","status":400,\
			"detail":"rate must be at least 0.1 events per second, got -1","instance":"/rate/-1","error":"invalid_rate"}""";

	private final EventPump pump;
	private final TransactionPublisher publisher;
	private final BrokerConnectionHealthIndicator broker;
	private final RateLimits limits;
	private final GeneratorProperties properties;

	GeneratorController(EventPump pump, TransactionPublisher publisher, BrokerConnectionHealthIndicator broker, RateLimits limits,
			GeneratorProperties properties) {
		this.pump = pump;
		this.publisher = publisher;
		this.broker = broker;
		this.limits = limits;
		this.properties = properties;
	}

	@ChangesState
	@PostMapping(path = "/start", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Start publishing play events", description = "Starts at the given rate, or at the rate set last, also while stopped (5 events/s at start-up). "
			+ "While already running it changes nothing and answers already_running.", responses = {
					@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunChange.class), examples = {
							@ExampleObject(name = "started", value = "{\"status\":\"started\",\"running\":true,\"rate\":5.0}"),
							@ExampleObject(name = "already running", value = "{\"status\":\"already_running\",\"running\":true,\"rate\":10.0}") })),
					@ApiResponse(responseCode = "400", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(BAD_RATE))) })
	RunChange start(@Parameter(description = "events per second, 0.1 to the configured maximum", example = "5")
	@RequestParam(required = false) String rate) {
		// a rate set while stopped (make inject-fast, then make inject) is the one play starts at
		double wanted = rate == null ? pump.rate() : limits.parse(rate);
		boolean started = pump.startPublishing(wanted);
		return new RunChange(started ? "started" : "already_running", true, pump.rate());
	}

	@ChangesState
	@PostMapping(path = "/stop", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Stop publishing play events", description = "Heartbeats go on about once a second, so the last windows still close.",
			responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunChange.class), examples = {
					@ExampleObject(name = "stopped", value = "{\"status\":\"stopped\",\"running\":false,\"rate\":5.0}"),
					@ExampleObject(name = "already stopped", value = "{\"status\":\"already_stopped\",\"running\":false,\"rate\":5.0}") })))
	RunChange stop() {
		boolean stopped = pump.stopPublishing();
		return new RunChange(stopped ? "stopped" : "already_stopped", false, pump.rate());
	}

	@GetMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Show the generator's status", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Status.class), examples = @ExampleObject("""
			{"running":true,"rate":5.0,"measured_rate":4.98,"sent":1523,"acknowledged":1521,"failed":0,"heartbeats":12,\
			"topic":"gaming-transactions","broker":{"bootstrap_servers":"localhost:19092","reachable":true},"uptime_seconds":312.4}"""))))
	Status status() {
		var counters = publisher.counters();
		return new Status(pump.isPublishing(), pump.rate(), round(pump.measuredRate()), counters.sent(), counters.acknowledged(),
				counters.failed(), counters.heartbeats(), properties.topic(),
				new Broker(broker.bootstrapServers(), broker.isReachable()), pump.uptime().toMillis() / 1000.0);
	}

	@GetMapping(path = "/rate", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Get the current event rate", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Rate.class), examples = @ExampleObject(
			"{\"rate\":5.0,\"measured_rate\":4.98,\"running\":true,\"min_rate\":0.1,\"max_rate\":10000.0}"))))
	Rate rate() {
		return new Rate(pump.rate(), round(pump.measuredRate()), pump.isPublishing(), limits.min(), limits.max());
	}

	@ChangesState
	@GetMapping(path = "/rate/{rate}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set the event rate (simple GET, as in the original)", description = "Works running or stopped; a running "
			+ "generator switches without a burst.", responses = {
					@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RateChanged.class), examples = @ExampleObject(
							"{\"status\":\"rate_updated\",\"rate\":10.0,\"previous_rate\":5.0,\"running\":true}"))),
					@ApiResponse(responseCode = "400", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(BAD_RATE))) })
	RateChanged setRate(@Parameter(description = "events per second, 0.1 to the configured maximum", example = "10") @PathVariable String rate) {
		return changeRate(limits.parse(rate));
	}

	@ChangesState
	@PatchMapping(path = "/rate", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set the event rate", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(schema = @Schema(implementation = RateChange.class), examples = @ExampleObject("{\"rate\": 10}"))), responses = {
					@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RateChanged.class), examples = @ExampleObject(
							"{\"status\":\"rate_updated\",\"rate\":10.0,\"previous_rate\":5.0,\"running\":true}"))),
					@ApiResponse(responseCode = "400", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject("""
							{"type":"about:blank","title":"Invalid rate","status":400,"detail":"rate is required: send {\\"rate\\": n}",\
							"instance":"/rate","error":"invalid_rate"}"""))) })
	RateChanged patchRate(@RequestBody JsonNode body) {
		return changeRate(rateOf(body));
	}

	@GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Check the generator and its broker", responses = {
			@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Health.class), examples = @ExampleObject("{\"status\":\"healthy\",\"broker_reachable\":true,\"running\":true}"))),
			@ApiResponse(responseCode = "503", content = @Content(schema = @Schema(implementation = Health.class), examples = @ExampleObject("{\"status\":\"unhealthy\",\"broker_reachable\":false,\"running\":true}"))) })
	ResponseEntity<Health> health() {
		boolean reachable = broker.isReachable();
		return ResponseEntity.status(reachable ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
			.body(new Health(reachable ? "healthy" : "unhealthy", reachable, pump.isPublishing()));
	}

	private RateChanged changeRate(double rate) {
		double previous = pump.changeRate(rate);
		return new RateChanged("rate_updated", pump.rate(), previous, pump.isPublishing());
	}

	private double rateOf(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new InvalidRateException("the body must be a JSON object like {\"rate\": 10}");
		}
		JsonNode rate = body.get("rate");
		if (rate == null || rate.isNull()) {
			throw new InvalidRateException("rate is required: send {\"rate\": n}");
		}
		if (rate.isNumber()) {
			return limits.check(rate.doubleValue(), rate.toString());
		}
		if (rate.isString()) {
			return limits.parse(rate.stringValue());
		}
		throw new InvalidRateException("rate must be a number of events per second, got " + rate);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
