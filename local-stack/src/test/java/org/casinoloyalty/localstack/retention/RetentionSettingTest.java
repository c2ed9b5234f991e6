package org.casinoloyalty.localstack.retention;

import org.casinoloyalty.localstack.LocalStackProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** casino.local-stack.retention as application.yml and the environment set it. */
class RetentionSettingTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LocalStackProperties.class)
	static class Properties {
	}

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(Properties.class);

	@Test
	void rawEventsAreKeptSevenDaysByDefaultAndTheVariableChangesIt() {
		context.run(started -> assertThat(started.getBean(LocalStackProperties.class).retention().rawEvents())
			.isEqualTo(Duration.ofDays(7)));
		context.withSystemProperties("CASINO_RAW_EVENT_RETENTION=36h")
			.run(started -> assertThat(started.getBean(LocalStackProperties.class).retention().rawEvents())
				.isEqualTo(Duration.ofHours(36)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0s", "-1d", "500ms" })
	void aRetentionUnderOneSecondStopsTheStartWithThePropertyAndAnExample(String value) {
		context.withPropertyValues("casino.local-stack.retention.raw-events=" + value).run(started -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("casino.local-stack.retention.rawEvents")
				.hasMessageContaining("must be at least 1s, for example 7d");
		});
	}

}
