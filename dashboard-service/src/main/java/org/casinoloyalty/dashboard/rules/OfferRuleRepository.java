package org.casinoloyalty.dashboard.rules;

import org.casinoloyalty.dashboard.sql.EngineDialect;
import org.casinoloyalty.dashboard.sql.ReadableRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/** {@code offer_rules}: read by the poller, changed with UPDATE (the seed row always exists). */
@Repository
public class OfferRuleRepository {

	private static final String ALL = "SELECT offer_type, threshold, updated_at FROM offer_rules";

	private static final String UPDATE = """
			UPDATE offer_rules SET threshold = :threshold, updated_at = :updatedAt WHERE offer_type = :offerType""";

	private final JdbcClient jdbc;

	private final EngineDialect dialect;

	OfferRuleRepository(JdbcClient jdbc, EngineDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/** Every rule it can read: a row of an unknown type or without a threshold is skipped with a warning. */
	public List<OfferRule> findAll() {
		return ReadableRows.of(jdbc.sql(ALL)
			.query(ReadableRows.skipping("offer_rules", (rs, row) -> new OfferRule(OfferType.fromKey(rs.getString("offer_type")),
					Objects.requireNonNull(rs.getBigDecimal("threshold"), "threshold is NULL"),
					rs.getObject("updated_at", LocalDateTime.class))))
			.list());
	}

	/**
	 * @return whether a rule row was there to update
	 * @throws org.casinoloyalty.dashboard.sql.UnconfirmedWriteException when the update was sent but not made visible
	 */
	boolean update(OfferType type, BigDecimal threshold, LocalDateTime updatedAt) {
		int rows = jdbc.sql(UPDATE)
			.param("threshold", threshold)
			.param("updatedAt", updatedAt)
			.param("offerType", type.key())
			.update();
		dialect.makeWritesVisible();
		return rows > 0;
	}


}
