package org.casinoloyalty.dashboard.staff.ui;

import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The filter chain as a browser and a script meet it, with the demo's accounts of application.yml:
 * nothing before sign-in, every attempt in the trail, the actuator open only where it must be.
 */
@AutoConfigureMockMvc
class SignInTest extends DatabaseTest {

	@Autowired
	MockMvc http;


	/** What the sign-in form posts. */
	private static MockHttpServletRequestBuilder signIn(String username, String password) {
		return post("/login").param("username", username).param("password", password);
	}

	@Test
	void anonymousVisitorsAreSentToTheSignIn() throws Exception {
		http.perform(get("/hotel")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		http.perform(get("/audit")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aWrongPasswordIsRefusedAndAudited() throws Exception {
		http.perform(formLogin("/login").user("host").password("guess"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));

		assertThat(TestDatabase.auditRows()).singleElement()
			.asString()
			.startsWith("host - sign_in_failure | dashboard | - -> from ")
			.endsWith(": Bad credentials");
	}

	@Test
	void theDemoAccountsSignInWithTheirRolesAndTheSignInIsAudited() throws Exception {
		http.perform(formLogin("/login").user("host").password("host-demo"))
			.andExpect(authenticated().withUsername("host").withRoles("HOST"));
		http.perform(formLogin("/login").user("manager").password("manager-demo"))
			.andExpect(authenticated().withUsername("manager").withRoles("HOST", "MANAGER"));

		assertThat(TestDatabase.auditRows()).hasSize(2)
			.anySatisfy(row -> assertThat(row).startsWith("host HOST sign_in | dashboard | - -> from "))
			.anySatisfy(row -> assertThat(row).startsWith("manager MANAGER sign_in | dashboard | - -> from "));
	}

	@Test
	void aSignInThatABrowserMarksAsCrossSiteIsRefused() throws Exception {
		// Vaadin's configuration exempts the sign-in form from CSRF tokens; a page on another site could
		// otherwise sign this browser in under an account of its choosing.
		http.perform(signIn("host", "host-demo").header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
		http.perform(signIn("host", "host-demo").header("Origin", "https://evil.example"))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
		http.perform(signIn("host", "host-demo").header("Sec-Fetch-Site", "same-origin").header("Origin", "http://localhost"))
			.andExpect(authenticated().withUsername("host"));
		assertThat(TestDatabase.auditRows()).singleElement().asString().startsWith("host HOST sign_in | dashboard | - -> from ");
	}

	@Test
	void healthAndInfoAreOpenButHealthShowsNoDetailsToAnonymousCallers() throws Exception {
		http.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"status\"")))
			.andExpect(content().string(not(containsString("components"))));
		http.perform(get("/actuator/info")).andExpect(status().isOk());
		// What docker-compose's healthcheck asks.
		http.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		http.perform(get("/actuator/health").with(httpBasic("manager", "manager-demo")))
			.andExpect(content().string(containsString("components")));
	}

	@Test
	void metricsAndTheEngineCheckNeedAManager() throws Exception {
		for (String endpoint : List.of("/actuator/metrics", "/actuator/enginecheck", "/actuator")) {
			http.perform(get(endpoint)).andExpect(status().isUnauthorized());
			http.perform(get(endpoint).with(httpBasic("host", "host-demo"))).andExpect(status().isForbidden());
		}
		http.perform(get("/actuator/metrics/jvm.memory.used").with(httpBasic("manager", "manager-demo")))
			.andExpect(status().isOk());
	}

}
