package org.casinoloyalty.localstack.database;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;

/** Creates the relations of design §5 in PostgreSQL; every statement is idempotent. */
public class LocalSchema {

	private final DataSource dataSource;

	LocalSchema(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	void apply() {
		new ResourceDatabasePopulator(new ClassPathResource("db/local-schema.sql")).execute(dataSource);
	}

}
