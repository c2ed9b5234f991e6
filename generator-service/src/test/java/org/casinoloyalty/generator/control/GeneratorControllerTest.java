package org.casinoloyalty.generator.control;

import org.casinoloyalty.generator.publishing.TransactionPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class GeneratorControllerTest extends ControlApiSlice {

	@BeforeEach
	void generatorRunsAtFive() {
		when(pump.rate()).thenReturn(5.0);
		when(pump.isPublishing()).thenReturn(true);
	}

	/** make inject-fast while stopped, then make inject: play starts at the rate just set (issue 13, point 10). */
	@Test
	void startWithoutARateUsesTheRateSetLastEvenWhileStopped() throws Exception {
		when(pump.isPublishing()).thenReturn(false);
		when(pump.rate()).thenReturn(10.0);
		when(pump.startPublishing(10.0)).thenReturn(true);
		mvc.perform(post("/start")).andExpect(status().isOk()).andExpect(jsonPath("$.rate").value(10.0));
		verify(pump).startPublishing(10.0);
	}

	@Test
	void startUsesTheDefaultRate() throws Exception {
		when(pump.startPublishing(5.0)).thenReturn(true);
		mvc.perform(post("/start"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("started"))
			.andExpect(jsonPath("$.running").value(true))
			.andExpect(jsonPath("$.rate").value(5.0));
	}

	@Test
	void startWithARate() throws Exception {
		when(pump.startPublishing(20.0)).thenReturn(true);
		mvc.perform(post("/start").param("rate", "20")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("started"));
		verify(pump).startPublishing(20.0);
	}

	@Test
	void startWhileRunningAnswersAlreadyRunning() throws Exception {
		when(pump.startPublishing(5.0)).thenReturn(false);
		mvc.perform(post("/start")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("already_running"));
	}

	@Test
	void stop() throws Exception {
		when(pump.stopPublishing()).thenReturn(true);
		mvc.perform(post("/stop")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("stopped"))
			.andExpect(jsonPath("$.running").value(false));
		when(pump.stopPublishing()).thenReturn(false);
		mvc.perform(post("/stop")).andExpect(jsonPath("$.status").value("already_stopped"));
	}

	@Test
	void statusShowsRatesCountersBrokerAndUptime() throws Exception {
		when(pump.measuredRate()).thenReturn(4.98765);
		when(pump.uptime()).thenReturn(java.time.Duration.ofMillis(312_400));
		when(publisher.counters()).thenReturn(new TransactionPublisher.PublishCounters(1523, 1521, 1, 12));
		when(broker.bootstrapServers()).thenReturn("localhost:19092");
		when(broker.isReachable()).thenReturn(true);
		mvc.perform(get("/status"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.running").value(true))
			.andExpect(jsonPath("$.rate").value(5.0))
			.andExpect(jsonPath("$.measured_rate").value(4.99))
			.andExpect(jsonPath("$.sent").value(1523))
			.andExpect(jsonPath("$.acknowledged").value(1521))
			.andExpect(jsonPath("$.failed").value(1))
			.andExpect(jsonPath("$.heartbeats").value(12))
			.andExpect(jsonPath("$.topic").value("gaming-transactions"))
			.andExpect(jsonPath("$.broker.bootstrap_servers").value("localhost:19092"))
			.andExpect(jsonPath("$.broker.reachable").value(true))
			.andExpect(jsonPath("$.uptime_seconds").value(312.4));
	}

	@Test
	void rateShowsSetAndMeasuredRateAndTheLimits() throws Exception {
		when(pump.measuredRate()).thenReturn(5.01);
		mvc.perform(get("/rate"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rate").value(5.0))
			.andExpect(jsonPath("$.measured_rate").value(5.01))
			.andExpect(jsonPath("$.min_rate").value(0.1))
			.andExpect(jsonPath("$.max_rate").value(10000.0));
	}

	@ParameterizedTest
	@ValueSource(strings = { "10", "0.1", "2.5", "10000", "1e3" })
	void getRateSetsAValidRate(String rate) throws Exception {
		when(pump.changeRate(Double.parseDouble(rate))).thenReturn(5.0);
		when(pump.rate()).thenReturn(Double.parseDouble(rate));
		mvc.perform(get("/rate/" + rate))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("rate_updated"))
			.andExpect(jsonPath("$.rate").value(Double.parseDouble(rate)))
			.andExpect(jsonPath("$.previous_rate").value(5.0));
	}

	@Test
	void patchRateSetsAValidRate() throws Exception {
		when(pump.changeRate(10.0)).thenReturn(5.0);
		mvc.perform(patch("/rate").contentType(MediaType.APPLICATION_JSON).content("{\"rate\": 10}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("rate_updated"));
		verify(pump).changeRate(10.0);
	}

	@ParameterizedTest(name = "GET /rate/{0}")
	@CsvSource({ "abc, must be a number", "-1, at least 0.1", "0, at least 0.1", "1e9, at most 10000", "NaN, must be a number",
			"Infinity, must be a number", "0x10, must be a number", "5d, must be a number", "10001, at most 10000" })
	void getRateRefusesBadInputAndChangesNothing(String rate, String problem) throws Exception {
		mvc.perform(get("/rate/" + rate))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.error").value("invalid_rate"))
			.andExpect(jsonPath("$.detail").value(containsString(problem)));
		verify(pump, never()).changeRate(anyDouble());
	}

	@ParameterizedTest(name = "PATCH /rate {0}")
	@CsvSource(delimiter = '|', value = { "{}| rate is required", "{\"rate\": null}| rate is required",
			"{\"other\": 3}| rate is required", "{\"rate\": -1}| at least 0.1", "{\"rate\": 0}| at least 0.1",
			"{\"rate\": 1e9}| at most 10000", "{\"rate\": 1e400}| at most 10000", "{\"rate\": \"abc\"}| must be a number",
			"{\"rate\": true}| must be a number", "{\"rate\": [5]}| must be a number", "[5]| must be a JSON object",
			"5| must be a JSON object" })
	void patchRateRefusesBadInputAndChangesNothing(String body, String problem) throws Exception {
		mvc.perform(patch("/rate").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.error").value("invalid_rate"))
			.andExpect(jsonPath("$.detail").value(containsString(problem)));
		verify(pump, never()).changeRate(anyDouble());
	}

	@ParameterizedTest(name = "PATCH /rate {0}")
	@ValueSource(strings = { "{\"rate\": ", "{rate: 5}", "not json", "{\"rate\": NaN}" })
	void patchRateRefusesMalformedJson(String body) throws Exception {
		mvc.perform(patch("/rate").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.error").value("malformed_json"))
			.andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
		verify(pump, never()).changeRate(anyDouble());
	}

	@Test
	void patchRateWithoutABodyIsRefused() throws Exception {
		mvc.perform(patch("/rate").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		verify(pump, never()).changeRate(anyDouble());
	}

	@ParameterizedTest(name = "POST /start?rate={0}")
	@ValueSource(strings = { "abc", "-1", "0", "1e9", "NaN", "" })
	void startRefusesABadRateAndStartsNothing(String rate) throws Exception {
		mvc.perform(post("/start").param("rate", rate))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_rate"));
		verify(pump, never()).startPublishing(anyDouble());
	}

	@Test
	void unknownPathsAnswer404Json() throws Exception {
		mvc.perform(get("/nope"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.error").value("not_found"))
			.andExpect(jsonPath("$.detail").value(containsString("/nope")));
	}

	@Test
	void aWrongMethodAnswers405Json() throws Exception {
		mvc.perform(get("/start"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void healthFollowsTheBroker() throws Exception {
		when(broker.isReachable()).thenReturn(true);
		mvc.perform(get("/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("healthy"));
		when(broker.isReachable()).thenReturn(false);
		mvc.perform(get("/health")).andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("unhealthy"))
			.andExpect(jsonPath("$.broker_reachable").value(false));
	}

	@Test
	void rootListsTheEndpoints() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.endpoints[*].path").value(hasItem("/rate/{n}")))
			.andExpect(jsonPath("$.docs").value("/docs"))
			.andExpect(jsonPath("$.redoc").value("/redoc"));
	}

}
