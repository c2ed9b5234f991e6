package org.casinoloyalty.generator.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Calls that change the generator: refused from other sites' pages, and without the key when one is set. */
class StateChangeGuardTest extends ControlApiSlice {

	@BeforeEach
	void generatorRunsAtFive() {
		when(pump.rate()).thenReturn(5.0);
		when(pump.isPublishing()).thenReturn(false);
		when(pump.startPublishing(anyDouble())).thenReturn(true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "cross-site", "same-site" })
	void aRateChangeThatABrowserMarksAsFromAnotherSiteIsRefused(String fetchSite) throws Exception {
		mvc.perform(get("/rate/20").header("Sec-Fetch-Site", fetchSite))
			.andExpect(problem(HttpStatus.FORBIDDEN, "cross_site_request", "Sec-Fetch-Site: " + fetchSite));
		verify(pump, never()).changeRate(anyDouble());
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example", "http://localhost:8501", "null", "http://[not-a-host" })
	void aStartFromAPageOfAnotherOriginIsRefused(String origin) throws Exception {
		mvc.perform(post("/start").header("Origin", origin))
			.andExpect(problem(HttpStatus.FORBIDDEN, "cross_site_request", "Origin: " + origin));
		verify(pump, never()).startPublishing(anyDouble());
	}

	@Test
	void stopAndPatchFromAnotherSiteAreRefusedToo() throws Exception {
		mvc.perform(post("/stop").header("Sec-Fetch-Site", "cross-site")).andExpect(status().isForbidden());
		mvc.perform(patch("/rate").header("Origin", "https://evil.example").contentType(MediaType.APPLICATION_JSON).content("{\"rate\": 9}"))
			.andExpect(status().isForbidden());
		verify(pump, never()).stopPublishing();
		verify(pump, never()).changeRate(anyDouble());
	}

	@Test
	void aCallFromATerminalOrTheServicesOwnOriginChangesTheRate() throws Exception {
		mvc.perform(get("/rate/20")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("rate_updated"));
		mvc.perform(get("/rate/30").header("Origin", "http://localhost").header("Sec-Fetch-Site", "same-origin"))
			.andExpect(status().isOk());
		mvc.perform(get("/rate/40").header("Sec-Fetch-Site", "none")).andExpect(status().isOk());
		verify(pump).changeRate(20.0);
		verify(pump).changeRate(30.0);
		verify(pump).changeRate(40.0);
	}

	@Test
	void readsAreAnsweredWhateverSiteAsks() throws Exception {
		mvc.perform(get("/rate").header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rate").value(5.0));
		mvc.perform(get("/").header("Sec-Fetch-Site", "cross-site")).andExpect(status().isOk());
	}

	@Test
	void withoutAKeyConfiguredNoneIsAskedFor() throws Exception {
		mvc.perform(get("/")).andExpect(jsonPath("$.api_key_required").value(false));
		mvc.perform(post("/start")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("started"));
		verify(pump).startPublishing(5.0);
	}

	@Nested
	@TestPropertySource(properties = "casino.generator.control.api-key=a-key-of-this-floor")
	class WithAnApiKey {

		@Test
		void aChangeWithoutTheKeyIsRefused() throws Exception {
			mvc.perform(get("/rate/20"))
				.andExpect(problem(HttpStatus.UNAUTHORIZED, "api_key_required", "X-API-Key"))
				.andExpect(header().string("WWW-Authenticate", "ApiKey header=\"X-API-Key\""));
			verify(pump, never()).changeRate(anyDouble());
		}

		@Test
		void aChangeWithAnotherKeyIsRefused() throws Exception {
			mvc.perform(post("/start").header("X-API-Key", "a-key-of-this-floox"))
				.andExpect(problem(HttpStatus.UNAUTHORIZED, "api_key_invalid", "X-API-Key"))
				.andExpect(jsonPath("$.detail").value(not(containsString("a-key-of-this-floor"))));
			verify(pump, never()).startPublishing(anyDouble());
		}

		@Test
		void aChangeWithTheKeyGoesThrough() throws Exception {
			mvc.perform(get("/rate/20").header("X-API-Key", "a-key-of-this-floor"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("rate_updated"));
			verify(pump).changeRate(20.0);
		}

		@Test
		void theKeyDoesNotLetACrossSiteCallThrough() throws Exception {
			mvc.perform(post("/stop").header("X-API-Key", "a-key-of-this-floor").header("Sec-Fetch-Site", "cross-site"))
				.andExpect(status().isForbidden());
			verify(pump, never()).stopPublishing();
		}

		@Test
		void readsNeedNoKeyAndTheIndexSaysOneIsNeeded() throws Exception {
			mvc.perform(get("/rate")).andExpect(status().isOk()).andExpect(jsonPath("$.rate").value(5.0));
			mvc.perform(get("/")).andExpect(status().isOk()).andExpect(jsonPath("$.api_key_required").value(true));
		}

	}

}
