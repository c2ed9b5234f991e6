package org.casinoloyalty.generator.schema;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of a schema script, split by Spring's {@link ScriptUtils} with its defaults:
 * {@code ;} separates statements outside quotes and comments, {@code --} and block comments are
 * dropped, and each statement's white space outside quotes is folded to single spaces. The script's
 * broker address for the SQL engine, {@code 'redpanda:9092'}, is replaced by the configured one
 * first. The schema initialiser sends exactly this list, one statement per execute; the engine
 * compatibility tests read the same list.
 *
 * <p>Spring Framework 7 keeps {@code ScriptUtils.splitSqlScript} package-private, so the list is
 * taken from {@link ScriptUtils#executeSqlScript(Connection, EncodedResource)} run against a
 * connection that only records what it is asked to execute (docs/decisions.md, D17).
 */
public final class SchemaScript {

	static final String SCRIPT_BROKER = "'redpanda:9092'";

	/** A CREATE up to the relation's name: what a log line needs to say which statement runs. */
	private static final Pattern CREATE = Pattern.compile(
			"(?i)^(CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:MATERIALIZED\\s+)?(?:SOURCE|TABLE|VIEW|SINK)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\\S+)\\s.*");

	private static final int SUMMARY_LENGTH = 80;

	private SchemaScript() {
	}

	public static List<String> statements(String script, String engineBroker) {
		String substituted = script.replace(SCRIPT_BROKER, "'" + engineBroker + "'");
		List<String> statements = new ArrayList<>();
		ScriptUtils.executeSqlScript(recorder(statements),
				new EncodedResource(new ByteArrayResource(substituted.getBytes(StandardCharsets.UTF_8), "schema script"),
						StandardCharsets.UTF_8));
		return List.copyOf(statements);
	}

	/** The head of a statement, for log lines and errors that say which statement runs. */
	public static String summary(String statement) {
		Matcher create = CREATE.matcher(statement);
		if (create.matches()) {
			return create.group(1) + " …";
		}
		if (statement.length() <= SUMMARY_LENGTH) {
			return statement;
		}
		int cut = statement.lastIndexOf(' ', SUMMARY_LENGTH);
		return statement.substring(0, cut > 0 ? cut : SUMMARY_LENGTH) + " …";
	}

	/** A connection whose statements record the SQL they are given and report "no results". */
	private static Connection recorder(List<String> statements) {
		Statement statement = proxy(Statement.class, (self, method, args) -> {
			if (method.getName().equals("execute")) {
				statements.add((String) args[0]);
			}
			return noResult(method.getReturnType());
		});
		return proxy(Connection.class, (self, method, args) -> method.getName().equals("createStatement") ? statement
				: noResult(method.getReturnType()));
	}

	private static <T> T proxy(Class<T> type, InvocationHandler handler) {
		return type.cast(Proxy.newProxyInstance(SchemaScript.class.getClassLoader(), new Class<?>[] { type }, handler));
	}

	/** false, -1 or null: no result set, no update count, no warnings, no more results. */
	private static Object noResult(Class<?> type) {
		if (type == boolean.class) {
			return false;
		}
		if (type == int.class) {
			return -1;
		}
		return type == long.class ? -1L : null;
	}

}
