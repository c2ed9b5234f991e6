package org.casinoloyalty.dashboard.sql;

/** The streaming SQL engine behind port 4566: RisingWave (Docker mode) or PostgreSQL (local-stack). */
public enum Engine {

	RISINGWAVE("RisingWave"), POSTGRESQL("PostgreSQL (local stack)");

	private final String label;

	Engine(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static Engine fromVersion(String version) {
		return version != null && version.contains("RisingWave") ? RISINGWAVE : POSTGRESQL;
	}

}
