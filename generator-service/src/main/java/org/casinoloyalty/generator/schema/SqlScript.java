package org.casinoloyalty.generator.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a schema script into statements the way setup_risingwave.sql is written: whole-line
 * {@code --} comments and blank lines between statements are skipped, and a statement ends on the
 * line whose last non-space character is {@code ;}. The script's broker address for the SQL
 * engine, {@code 'redpanda:9092'}, is replaced by the configured one.
 */
public final class SqlScript {

	static final String SCRIPT_BROKER = "'redpanda:9092'";

	private SqlScript() {
	}

	public static List<String> statements(String script, String engineBroker) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int startLine = 0;
		String[] lines = script.split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("--")) {
				continue;
			}
			if (current.isEmpty()) {
				startLine = i + 1;
			}
			else {
				current.append('\n');
			}
			current.append(line.stripTrailing());
			if (trimmed.endsWith(";")) {
				String statement = current.substring(0, current.length() - 1).strip();
				statements.add(statement.replace(SCRIPT_BROKER, "'" + engineBroker + "'"));
				current.setLength(0);
			}
		}
		if (!current.isEmpty()) {
			throw new IllegalArgumentException("the statement starting on line " + startLine
					+ " does not end with a line ending in ';': " + firstLine(current.toString()));
		}
		return List.copyOf(statements);
	}

	/** The first line of a statement, for log lines that say which statement runs. */
	static String firstLine(String statement) {
		int end = statement.indexOf('\n');
		return end < 0 ? statement : statement.substring(0, end) + " …";
	}

}
