package org.casinoloyalty.e2e.chaos;

import org.casinoloyalty.e2e.Applications;
import org.casinoloyalty.e2e.Shutdown;
import org.casinoloyalty.generator.GeneratorApplication;
import org.casinoloyalty.localstack.RunningLocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** make chaos's fuzz scenario as a test: the real generator over HTTP, with an API key, on local-stack's broker. */
class ControlApiFuzzTest {

	@TempDir
	Path dataDirectory;

	@Test
	void aThousandRandomRequestsGetNo5xxAndOnlyTheValidOnesChangeTheState() throws Exception {
		try (RunningLocalStack stack = RunningLocalStack.start(dataDirectory, Applications.localStack())) {
			ConfigurableApplicationContext generator = new SpringApplicationBuilder(GeneratorApplication.class)
				.run(Applications.generator("--server.port=0", "--management.server.port=0",
						"--spring.kafka.bootstrap-servers=" + stack.bootstrapServers(), "--casino.generator.control.api-key=fuzz-key"));
			try {
				URI base = URI.create("http://127.0.0.1:" + generator.getEnvironment().getProperty("local.server.port"));
				ControlApiFuzzer.Report report = new ControlApiFuzzer(base, "fuzz-key", 42).run(1000);

				System.out.println("fuzz: " + report);
				assertThat(report.breaches()).isEmpty();
				assertThat(report.valid()).as("valid state changes among the requests").isGreaterThan(50);
				assertThat(report.statuses()).containsKeys(200, 400, 401, 403, 404);
			}
			finally {
				Shutdown.inOrder(generator);
			}
		}
	}

}
