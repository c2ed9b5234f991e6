package org.casinoloyalty.generator.control;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.casinoloyalty.generator.GeneratorProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.casinoloyalty.generator.control.ControlResponses.Endpoint;
import static org.casinoloyalty.generator.control.ControlResponses.Index;

/** {@code GET /}: what the control API offers and whether its changes need the key; it controls nothing. */
@RestController
@Tag(name = "generator", description = "Start, stop and pace the casino simulator")
class ApiIndexController {

	private final GeneratorProperties properties;

	private final ControlApiProperties control;

	ApiIndexController(GeneratorProperties properties, ControlApiProperties control) {
		this.properties = properties;
		this.control = control;
	}

	@GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "List the endpoints", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Index.class), examples = @ExampleObject("""
			{"service":"casino-data-generator","endpoints":[{"method":"POST","path":"/start","description":"Start publishing (optional ?rate=)"}],\
			"docs":"/docs","redoc":"/redoc","openapi":"/openapi.json","api_key_required":false}"""))))
	Index index() {
		return new Index("casino-data-generator", List.of(
				new Endpoint("POST", "/start", "Start publishing (optional ?rate=, default " + properties.defaultRate() + " events/s)"),
				new Endpoint("POST", "/stop", "Stop publishing; heartbeats keep the watermark moving"),
				new Endpoint("GET", "/status", "Running, set and measured rate, records sent/acknowledged/failed, broker, uptime"),
				new Endpoint("GET", "/rate", "The set and the measured rate"),
				new Endpoint("GET", "/rate/{n}", "Set the rate to n events per second"),
				new Endpoint("PATCH", "/rate", "Set the rate with {\"rate\": n}"),
				new Endpoint("GET", "/health", "Whether the generator can reach its broker"),
				new Endpoint("GET", "/actuator/health", "Actuator health with details, on the management port (8001, loopback only)"),
				new Endpoint("GET", "/actuator/prometheus", "Prometheus metrics, on the management port (8001, loopback only)")),
				"/docs", "/redoc", "/openapi.json", control.requiresKey());
	}

}
