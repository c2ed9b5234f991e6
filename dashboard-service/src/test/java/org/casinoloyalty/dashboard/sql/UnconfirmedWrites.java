package org.casinoloyalty.dashboard.sql;

import org.springframework.dao.DataAccessResourceFailureException;

/** What {@link EngineDialect} throws when RisingWave's FLUSH after a write fails, for tests in other packages. */
public final class UnconfirmedWrites {

	private UnconfirmedWrites() {
	}

	public static UnconfirmedWriteException flushFailed() {
		return new UnconfirmedWriteException(new DataAccessResourceFailureException("FLUSH failed (test)"));
	}

}
