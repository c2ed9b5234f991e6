package org.casinoloyalty.dashboard.sql;

import org.springframework.core.NestedExceptionUtils;

/**
 * The write itself went through, but the {@code FLUSH} that makes it visible failed: it may have been
 * applied, and a read may not show it yet. Not a DataAccessException on purpose, so that no caller
 * takes it for "nothing was written".
 */
public class UnconfirmedWriteException extends RuntimeException {

	UnconfirmedWriteException(RuntimeException flushFailure) {
		super("the write was sent, but the engine did not confirm it: "
				+ NestedExceptionUtils.getMostSpecificCause(flushFailure).getMessage(), flushFailure);
	}

	/** Why the confirmation failed, for a person: the engine's own words. */
	public String reason() {
		return NestedExceptionUtils.getMostSpecificCause(getCause()).getMessage();
	}

}
