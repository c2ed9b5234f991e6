package org.casinoloyalty.dashboard.live;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * How the shared poller reads the views.
 *
 * @param defaultRefresh refresh interval of a new browser (the sidebar changes it per browser, 1-60 s)
 * @param history how far back (in event time, before the watermark) offers and windows are shown
 */
@Validated
@ConfigurationProperties("casino.dashboard.live")
public record LiveProperties(@NotNull @DurationUnit(ChronoUnit.SECONDS) Duration defaultRefresh,
		@NotNull Duration history) {

	public static final Duration MIN_REFRESH = Duration.ofSeconds(1);

	public static final Duration MAX_REFRESH = Duration.ofSeconds(60);

	public LiveProperties {
		if (defaultRefresh != null && (defaultRefresh.compareTo(MIN_REFRESH) < 0 || defaultRefresh.compareTo(MAX_REFRESH) > 0)) {
			throw new IllegalArgumentException("casino.dashboard.live.default-refresh must be between 1 s and 60 s, was "
					+ defaultRefresh.toSeconds() + " s");
		}
	}

}
