package org.casinoloyalty.dashboard.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Who can sign in, from {@link StaffProperties}, and role checks on the services themselves
 * ({@code @RolesAllowed}), so a host is refused a manager's action however the call is made.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
class StaffSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StaffSecurityConfiguration.class);

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	UserDetailsService staffAccounts(StaffProperties properties) {
		properties.demoAccountsInUse()
			.forEach(account -> log.warn("Staff account '{}' signs in with the demo's published password: set the "
					+ "environment variables of docs/operations.md (Staff accounts) before anyone else can reach "
					+ "this dashboard", account.username()));
		return new InMemoryUserDetailsManager(properties.accounts()
			.stream()
			.map(account -> User.withUsername(account.username())
				.password(account.passwordHash())
				.roles(account.role().grantedRoles().toArray(String[]::new))
				.build())
			.toList());
	}

}
