package org.casinoloyalty.localstack.database;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Creates the relations of design §5 in PostgreSQL ({@code db/local-schema.sql}). The script is
 * sent whole, in one transaction: it holds PL/pgSQL bodies that a statement splitter would cut,
 * and a failed start-up must not leave half a schema behind.
 */
public class LocalSchema {

	static final String SCRIPT = "db/local-schema.sql";

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transaction;

	LocalSchema(JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	void apply() {
		String script;
		try {
			script = new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + SCRIPT, ex);
		}
		transaction.executeWithoutResult(status -> jdbc.execute(script));
	}

}
