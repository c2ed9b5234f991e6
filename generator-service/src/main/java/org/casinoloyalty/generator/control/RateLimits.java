package org.casinoloyalty.generator.control;

import org.casinoloyalty.generator.GeneratorProperties;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/**
 * Turns client text into a rate, or refuses it with a message that says why: every rate the API
 * accepts passes here, from the path, the query or a JSON body.
 */
@Component
class RateLimits {

	/** Plain decimal notation only: Java would also take "0x1p3" or "5d", which no client means. */
	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

	private final double maxRate;

	RateLimits(GeneratorProperties properties) {
		this.maxRate = properties.maxRate();
	}

	double min() {
		return GeneratorProperties.MIN_RATE;
	}

	double max() {
		return maxRate;
	}

	double parse(String text) {
		String trimmed = text == null ? "" : text.strip();
		if (!DECIMAL.matcher(trimmed).matches()) {
			throw new InvalidRateException("rate must be a number of events per second between " + format(min()) + " and "
					+ format(maxRate) + ", got '" + text + "'");
		}
		return check(Double.parseDouble(trimmed), trimmed);
	}

	double check(double rate, String asGiven) {
		if (Double.isNaN(rate)) {
			throw new InvalidRateException("rate must be a number of events per second, got '" + asGiven + "'");
		}
		if (rate < min()) {
			throw new InvalidRateException("rate must be at least " + format(min()) + " events per second, got " + asGiven);
		}
		if (rate > maxRate) {
			throw new InvalidRateException("rate must be at most " + format(maxRate) + " events per second (casino.generator.max-rate), got " + asGiven);
		}
		return rate;
	}

	private static String format(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

}
