package org.casinoloyalty.localstack.ingest;

import org.slf4j.Logger;

import java.time.Duration;

/**
 * A warning logged at most once per interval: a flood of late or broken records must not flood
 * the log. What was held back is reported with the next message, or by {@link #flush()}.
 * Used from the ingest thread only.
 */
final class ThrottledLog {

	private final Logger log;
	private final String what;
	private final long intervalNanos;
	private long lastLogged;
	private boolean loggedOnce;
	private long suppressed;

	ThrottledLog(Logger log, String what, Duration interval) {
		this.log = log;
		this.what = what;
		this.intervalNanos = interval.toNanos();
	}

	void warn(String message, Object... arguments) {
		if (!due()) {
			suppressed++;
			return;
		}
		log.warn(message + held(), arguments);
	}

	/** Reports held-back messages once the interval has passed, even when no new one comes. */
	void flush() {
		if (suppressed > 0 && due()) {
			log.warn("{} more {} since the last message", suppressed, what);
			suppressed = 0;
		}
	}

	private boolean due() {
		long now = System.nanoTime();
		if (loggedOnce && now - lastLogged < intervalNanos) {
			return false;
		}
		loggedOnce = true;
		lastLogged = now;
		return true;
	}

	private String held() {
		if (suppressed == 0) {
			return "";
		}
		String note = " (and " + suppressed + " more " + what + " since the last message)";
		suppressed = 0;
		return note;
	}

}
