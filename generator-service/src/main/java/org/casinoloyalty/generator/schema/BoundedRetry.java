package org.casinoloyalty.generator.schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Tries a step up to a fixed number of times, with one log line per failed attempt, then gives up loudly. */
final class BoundedRetry {

	private static final Logger log = LoggerFactory.getLogger(BoundedRetry.class);

	private final int maxAttempts;
	private final Duration interval;

	BoundedRetry(int maxAttempts, Duration interval) {
		this.maxAttempts = maxAttempts;
		this.interval = interval;
	}

	/**
	 * @param what what is waited for, as the log should say it, e.g. "RisingWave at jdbc:postgresql://risingwave:4566/dev"
	 */
	<T> T attempt(String what, Callable<T> step) {
		for (int attempt = 1;; attempt++) {
			try {
				return step.call();
			}
			catch (Exception ex) {
				if (attempt >= maxAttempts) {
					throw new IllegalStateException(what + " not ready after " + maxAttempts + " attempts: " + describe(ex), ex);
				}
				log.info("{} not ready ({}), retrying in {} ms (attempt {}/{})", what, describe(ex), interval.toMillis(), attempt, maxAttempts);
				pause();
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(interval);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to retry", ex);
		}
	}

	/** The outermost message that says something: ours name the statement, the driver's the cause. */
	private static String describe(Exception ex) {
		Throwable described = ex;
		while (described.getMessage() == null && described.getCause() != null) {
			described = described.getCause();
		}
		return described.getClass().getSimpleName() + ": " + described.getMessage();
	}

}
