package org.casinoloyalty.generator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * A start-up step tried up to a fixed number of times at a fixed interval, with Spring's
 * {@link RetryTemplate}: one log line per failed attempt that says what is waited for and when the
 * next attempt comes ("SQL engine at … not ready (…), retrying in 2 s (attempt 3/60)"), then a loud
 * failure naming the last error.
 */
public final class StartupRetry {

	private static final Logger log = LoggerFactory.getLogger(StartupRetry.class);

	private final int maxAttempts;
	private final Duration interval;
	private final RetryTemplate template;

	public StartupRetry(int maxAttempts, Duration interval) {
		this.maxAttempts = maxAttempts;
		this.interval = interval;
		this.template = new RetryTemplate(RetryPolicy.builder().maxRetries(maxAttempts - 1L).delay(interval).build());
		this.template.setRetryListener(new AttemptLog());
	}

	/**
	 * @param what what is waited for, as the log should say it, e.g. "SQL engine at jdbc:postgresql://risingwave:4566/dev"
	 * @throws IllegalStateException after the last attempt failed, or when interrupted while waiting
	 */
	public <T> T attempt(String what, Callable<T> step) {
		try {
			return template.execute(new Retryable<T>() {

				@Override
				public T execute() throws Exception {
					return step.call();
				}

				@Override
				public String getName() {
					return what;
				}

			});
		}
		catch (RetryException ex) {
			if (Thread.currentThread().isInterrupted()) {
				throw new IllegalStateException("interrupted while waiting for " + what, ex);
			}
			throw new IllegalStateException(what + " not ready after " + maxAttempts + " attempts: " + describe(ex.getLastException()),
					ex.getLastException());
		}
	}

	/** After every failed attempt but the last: the attempt's number and the wait before the next. */
	private final class AttemptLog implements RetryListener {

		@Override
		public void onRetryableExecution(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
			int attempt = state.getExceptions().size();
			if (!state.isSuccessful() && attempt < maxAttempts) {
				log.info("{} not ready ({}), retrying in {} (attempt {}/{})", retryable.getName(), describe(state.getLastException()),
						format(interval), attempt, maxAttempts);
			}
		}

	}

	private static String format(Duration duration) {
		return duration.toMillisPart() == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	/** The outermost message that says something: ours name the statement, the driver's the cause. */
	private static String describe(Throwable ex) {
		Throwable described = ex;
		while (described.getMessage() == null && described.getCause() != null) {
			described = described.getCause();
		}
		return described.getClass().getSimpleName() + ": " + described.getMessage();
	}

}
