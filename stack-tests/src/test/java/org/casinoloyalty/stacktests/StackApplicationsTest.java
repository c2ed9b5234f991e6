package org.casinoloyalty.stacktests;

import org.casinoloyalty.dashboard.DashboardApplication;
import org.casinoloyalty.generator.GeneratorApplication;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How RisingWaveStackTest boots the two applications, checked without Docker (that suite runs only where a
 * Docker engine answers, so a wrong argument here would otherwise go unnoticed in CI): each gets its own
 * application.yml, every exclusion names a real auto-configuration (a misspelt or renamed one would be
 * ignored silently), and the dashboard keeps its own data-source settings but the URL, user and pool size.
 */
class StackApplicationsTest {

	@Test
	void eachApplicationReadsItsOwnApplicationYml() throws IOException {
		assertThat(read(StackApplications.applicationYmlOf(GeneratorApplication.class))).contains("name: generator-service");
		assertThat(read(StackApplications.applicationYmlOf(DashboardApplication.class))).contains("name: dashboard-service");
	}

	@Test
	void everyExclusionIsAnAutoConfigurationOnTheClassPath() throws IOException {
		List<String> autoConfigurations = new ArrayList<>();
		for (URL imports : Collections.list(getClass().getClassLoader()
			.getResources("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))) {
			read(imports.toString()).lines().map(String::strip).forEach(autoConfigurations::add);
		}
		assertThat(autoConfigurations).containsAll(StackApplications.NOT_THE_GENERATORS)
			.containsAll(StackApplications.NOT_THE_DASHBOARDS);
	}

	@Test
	void theDashboardOverridesOnlyUrlUserAndPoolSizeOfItsDataSource() {
		List<String> arguments = Arrays.asList(StackApplications.dashboardArguments("jdbc:postgresql://engine:4566/dev", 1));
		assertThat(arguments.stream().filter(argument -> argument.startsWith("--spring.datasource."))).containsExactly(
				"--spring.datasource.url=jdbc:postgresql://engine:4566/dev", "--spring.datasource.username=root",
				"--spring.datasource.hikari.maximum-pool-size=1");
		assertThat(arguments).contains("--spring.config.location=" + StackApplications.applicationYmlOf(DashboardApplication.class));
	}

	private static String read(String url) throws IOException {
		try (InputStream in = URI.create(url).toURL().openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
