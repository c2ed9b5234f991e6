package org.casinoloyalty.e2e;

import org.casinoloyalty.dashboard.DashboardApplication;
import org.casinoloyalty.generator.GeneratorApplication;
import org.casinoloyalty.localstack.LocalStackApplication;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Arguments that let the three applications run side by side on this module's one class path.
 *
 * <p>Each jar carries an {@code application.yml} at the same path, and only the first one on the class path
 * would be found for all three: so each context is given its own file ({@code spring.config.location}). The
 * auto-configurations that only another application's dependencies bring are excluded: Vaadin (the
 * dashboard's) in the generator and local-stack, and a JDBC {@code DataSource} and Spring Security in the generator. Everything else is
 * each application's own configuration; the dashboard's listener on loyalty-offers needs
 * {@code --spring.kafka.bootstrap-servers} (or {@code --casino.dashboard.new-offers.enabled=false}).
 */
public final class Applications {

	private static final List<String> VAADIN = List.of("com.vaadin.flow.spring.SpringBootAutoConfiguration",
			"com.vaadin.flow.spring.SpringSecurityAutoConfiguration", "com.vaadin.flow.spring.VaadinScopesConfig");


	private static final String DATA_SOURCE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	/** The dashboard's Spring Security would put the generator's API behind a generated password. */
	private static final List<String> SECURITY = List.of("org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration");

	private Applications() {
	}

	/** local-stack's arguments followed by {@code arguments}; also for {@code RunningLocalStack.start(…, localStack())}. */
	public static String[] localStack(String... arguments) {
		return own(LocalStackApplication.class, VAADIN, arguments);
	}

	/** The generator has no database of its own here: local-stack's JDBC driver is on the class path. */
	public static String[] generator(String... arguments) {
		List<String> excluded = new ArrayList<>(VAADIN);
		excluded.add(DATA_SOURCE);
		excluded.addAll(SECURITY);
		return own(GeneratorApplication.class, excluded, arguments);
	}

	/**
	 * In Vaadin's production mode, as the packaged jar runs: vaadin-dev (optional in dashboard-service) is not
	 * on this class path, and development mode's tool overlay would catch the browser's clicks.
	 */
	public static String[] dashboard(String... arguments) {
		List<String> all = new ArrayList<>(List.of("--vaadin.productionMode=true"));
		all.addAll(Arrays.asList(arguments));
		return own(DashboardApplication.class, List.of(), all.toArray(String[]::new));
	}

	private static String[] own(Class<?> application, List<String> excluded, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--spring.config.location=" + applicationYmlOf(application),
				"--spring.autoconfigure.exclude=" + String.join(",", excluded)));
		all.addAll(Arrays.asList(arguments));
		return all.toArray(String[]::new);
	}

	/**
	 * The application.yml beside {@code application}: in the jar or classes directory it was loaded from (the
	 * reactor resolves a sibling module to either), whatever comes first on the class path.
	 */
	static String applicationYmlOf(Class<?> application) {
		String location = application.getProtectionDomain().getCodeSource().getLocation().toString();
		return location.endsWith(".jar") ? "jar:" + location + "!/application.yml" : location + "application.yml";
	}

}
