package org.casinoloyalty.dashboard.sql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one place where the two engines differ for the dashboard. RisingWave makes DML visible only
 * after a {@code FLUSH} (no read-after-write by default, risingwave-notes §1.9), so every write is
 * followed by {@code FLUSH} there; PostgreSQL needs nothing. The engine is detected once, on the
 * first successful call, so the dashboard starts even while the engine is still down.
 */
@Repository
public class EngineDialect {

	private static final Logger log = LoggerFactory.getLogger(EngineDialect.class);

	private static final String VERSION = "SELECT version()";

	private static final String FLUSH = "FLUSH";

	private final JdbcClient jdbc;

	private volatile Engine engine;

	EngineDialect(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Engine engine() {
		Engine detected = engine;
		if (detected == null) {
			String version = jdbc.sql(VERSION).query(String.class).single();
			detected = Engine.fromVersion(version);
			engine = detected;
			log.info("Connected to {}: {}", detected.label(), version);
		}
		return detected;
	}

	/**
	 * Call after every INSERT/UPDATE so the next read (this or another session) sees the write.
	 * @throws UnconfirmedWriteException when that fails: the write is not undone by it, and may have been applied
	 */
	public void makeWritesVisible() {
		try {
			if (engine() == Engine.RISINGWAVE) {
				jdbc.sql(FLUSH).update();
			}
		}
		catch (RuntimeException ex) {
			throw new UnconfirmedWriteException(ex);
		}
	}

}
