package org.casinoloyalty.generator.control;

import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.publishing.BrokerConnectionHealthIndicator;
import org.casinoloyalty.generator.publishing.EventPump;
import org.casinoloyalty.generator.publishing.TransactionPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The control API as the application builds it (its controller, exception handler, guard and the
 * real application.yml values) in front of a mocked pump, publisher and broker.
 */
@WebMvcTest({ GeneratorController.class, ApiIndexController.class })
@Import({ RateLimits.class, ControlApiSlice.BoundProperties.class })
abstract class ControlApiSlice {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GeneratorProperties.class)
	static class BoundProperties {

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EventPump pump;

	@MockitoBean
	TransactionPublisher publisher;

	@MockitoBean
	BrokerConnectionHealthIndicator broker;

	/** The API's answer to a refused call: a problem with this status, error code and words in its detail. */
	static ResultMatcher problem(HttpStatus status, String error, String inDetail) {
		return result -> {
			status().is(status.value()).match(result);
			content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
			jsonPath("$.error").value(error).match(result);
			jsonPath("$.detail").value(containsString(inDetail)).match(result);
		};
	}

}
