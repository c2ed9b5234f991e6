package org.casinoloyalty.dashboard.staff.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Two doors. The actuator: health and info open to the healthchecks (health without details for
 * anonymous callers), every other endpoint for a manager by HTTP basic authentication, so scripts
 * can read the metrics. Everything else is the Vaadin application, configured the way Vaadin
 * documents it: nothing but the sign-in view until signed in, then each view's access annotation;
 * and no sign-in from another site ({@link CrossSiteSignInFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain actuator(HttpSecurity http) throws Exception {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health", "info"))
				.permitAll()
				.anyRequest()
				.hasRole(StaffRole.MANAGER_ROLE))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain dashboard(HttpSecurity http) throws Exception {
		// A refusal (401, 403) is rendered by an error dispatch to /error; without this, that dispatch would
		// itself be refused and turned into a redirect to the sign-in page, hiding the status from curl.
		// Static files (/css, /js, /webjars) hold no data, and the sign-in page needs the style sheet.
		return http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers(PathRequest.toStaticResources().atCommonLocations())
			.permitAll())
			.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
			.addFilterBefore(new CrossSiteSignInFilter("/login"), UsernamePasswordAuthenticationFilter.class)
			.build();
	}

}
