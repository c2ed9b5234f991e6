package org.casinoloyalty.stacktests;

import org.casinoloyalty.dashboard.DashboardApplication;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.casinoloyalty.generator.GeneratorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Collections;
import java.util.List;

/**
 * Boots the product's two Spring Boot applications inside the test JVM, as the Docker stack runs them
 * (docker-compose.yml), but against the test's containers.
 *
 * <p>Both jars share this module's test class path, and each carries an {@code application.yml} at the
 * same path: only the first one on the class path would be found for both applications. So each context
 * is given its own file explicitly ({@code spring.config.location}), and the auto-configurations that
 * only the other application's dependencies bring are excluded (Vaadin and a JDBC {@code DataSource} in
 * the generator, Spring Kafka in the dashboard). Everything else is the applications' own configuration.
 */
final class StackApplications {

	/** Brought by dashboard-service: Vaadin would start in the generator's web server, and a DataSource without a URL fails. */
	static final List<String> NOT_THE_GENERATORS = List.of("com.vaadin.flow.spring.SpringBootAutoConfiguration",
			"com.vaadin.flow.spring.SpringSecurityAutoConfiguration", "com.vaadin.flow.spring.VaadinScopesConfig",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");

	/**
	 * Spring Kafka: the dashboard's listener on loyalty-offers stays idle here, where the steps drive the views by
	 * hand (NewOffersListenerTest covers the listener, RisingWaveStackTest the sinks that feed it).
	 */
	static final List<String> NOT_THE_DASHBOARDS = List.of("org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
			"org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration");

	private StackApplications() {
	}

	/**
	 * Runs the generator's start-up with the schema initialiser on (an ApplicationRunner: the schema is
	 * applied before this returns), idle (no play, only its heartbeats), then stops it.
	 */
	static void runSchemaInitialiser(String bootstrapServers, String jdbcUrl, String engineBroker) {
		new SpringApplicationBuilder(GeneratorApplication.class).run(generatorArguments(bootstrapServers, jdbcUrl, engineBroker))
			.close();
	}

	static String[] generatorArguments(String bootstrapServers, String jdbcUrl, String engineBroker) {
		return new String[] { "--spring.config.location=" + applicationYmlOf(GeneratorApplication.class),
				"--spring.autoconfigure.exclude=" + String.join(",", NOT_THE_GENERATORS), "--server.port=0", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + bootstrapServers, "--casino.generator.auto-start=false",
				"--casino.schema.enabled=true", "--casino.schema.jdbc-url=" + jdbcUrl, "--casino.schema.username=root",
				"--casino.schema.engine-broker=" + engineBroker };
	}

	/**
	 * The real dashboard on a random port, reading the given SQL engine with at most {@code poolSize}
	 * connections, in Vaadin's production mode. Every other setting (Hikari's timeouts and data-source
	 * properties among them) is the dashboard's own application.yml.
	 */
	static ConfigurableApplicationContext startDashboard(String jdbcUrl, int poolSize) {
		return new SpringApplicationBuilder(DashboardApplication.class).run(dashboardArguments(jdbcUrl, poolSize));
	}

	static String[] dashboardArguments(String jdbcUrl, int poolSize) {
		return new String[] { "--spring.config.location=" + applicationYmlOf(DashboardApplication.class),
				"--spring.autoconfigure.exclude=" + String.join(",", NOT_THE_DASHBOARDS), "--server.port=0",
				"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=root",
				"--spring.datasource.hikari.maximum-pool-size=" + poolSize,
				// As the Docker image runs it (-Pproduction). A reactor build that stops before `package` leaves the
				// development-mode build info in dashboard-service's classes, and vaadin-dev (optional there) is not on
				// this class path, so development mode would fail the start with "'vaadin-dev-server' not found".
				"--vaadin.productionMode=true" };
	}

	/**
	 * Signs a staff member in on the calling thread of a dashboard context, with the roles the sign-in
	 * form grants, in the context holder that context's role checks read.
	 */
	static void signIn(ConfigurableApplicationContext dashboard, String username, StaffRole role) {
		dashboard.getBean(SecurityContextHolderStrategy.class)
			.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(username, null,
					role.grantedRoles().stream().map(name -> new SimpleGrantedAuthority("ROLE_" + name)).toList())));
	}

	/**
	 * The application.yml inside the jar (or classes directory) that holds {@code application}, found by
	 * that code source rather than by a module name in the path, so a checkout directory's name cannot
	 * pick the wrong file.
	 */
	static String applicationYmlOf(Class<?> application) {
		try {
			URL codeSource = application.getProtectionDomain().getCodeSource().getLocation();
			String location = codeSource.toURI().toString();
			List<URL> candidates = Collections.list(application.getClassLoader().getResources("application.yml"));
			for (URL candidate : candidates) {
				String url = candidate.toURI().toString();
				if (url.equals(location + "application.yml") || url.equals("jar:" + location + "!/application.yml")) {
					return url;
				}
			}
			throw new IllegalStateException("no application.yml beside " + application.getName() + " in " + location
					+ "; found only " + candidates);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
