package org.casinoloyalty.localstack.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window length and watermark delay are one constant each in local-stack ({@link IngestBatch});
 * RisingWave's schema writes them as SQL literals. Every such literal in
 * {@code risingwave/setup_risingwave.sql} must equal local-stack's constant, so the two modes
 * cannot drift apart.
 */
class TimeSemanticsParityTest {

	private static final Path RISINGWAVE_SCHEMA = Path.of("..", "risingwave", "setup_risingwave.sql");

	private static final Pattern TUMBLE = Pattern.compile("TUMBLE\\s*\\([^)]*INTERVAL\\s+'(\\d+)'\\s+(\\w+)\\s*\\)", Pattern.CASE_INSENSITIVE);

	private static final Pattern WATERMARK = Pattern.compile(
			"WATERMARK\\s+FOR\\s+transaction_time\\s+AS\\s+transaction_time\\s*-\\s*INTERVAL\\s+'(\\d+)'\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

	@Test
	void everyTumbleOfTheRisingWaveSchemaHasLocalStacksWindowLength() throws IOException {
		List<Duration> windows = intervals(TUMBLE);
		assertThat(windows).as("member_daily_summary and member_window_live").hasSize(2);
		assertThat(windows).containsOnly(IngestBatch.WINDOW_LENGTH);
	}

	@Test
	void theRisingWaveWatermarkHasLocalStacksDelay() throws IOException {
		assertThat(intervals(WATERMARK)).containsExactly(IngestBatch.WATERMARK_DELAY);
	}

	private static List<Duration> intervals(Pattern pattern) throws IOException {
		Matcher matcher = pattern.matcher(Files.readString(RISINGWAVE_SCHEMA));
		return matcher.results().map(match -> duration(Long.parseLong(match.group(1)), match.group(2))).toList();
	}

	private static Duration duration(long amount, String unit) {
		return switch (unit.toUpperCase(Locale.ROOT)) {
			case "SECOND", "SECONDS" -> Duration.ofSeconds(amount);
			case "MINUTE", "MINUTES" -> Duration.ofMinutes(amount);
			case "HOUR", "HOURS" -> Duration.ofHours(amount);
			default -> throw new IllegalArgumentException("unit " + unit);
		};
	}

}
