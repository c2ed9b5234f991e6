package org.casinoloyalty.localstack.database;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/** A query's rows as text for assertions: each row its columns joined by {@code |}, NULL as {@code null}. */
public final class TableRows {

	private TableRows() {
	}

	public static List<String> of(JdbcClient sql, String query) {
		return sql.sql(query).query((row, rowNumber) -> {
			int columns = row.getMetaData().getColumnCount();
			List<String> values = new ArrayList<>(columns);
			for (int column = 1; column <= columns; column++) {
				values.add(String.valueOf(row.getString(column)));
			}
			return String.join("|", values);
		}).list();
	}

}
