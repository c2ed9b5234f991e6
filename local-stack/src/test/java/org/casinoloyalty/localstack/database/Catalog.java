package org.casinoloyalty.localstack.database;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/**
 * What a client can see of the schema, as text lines: relations with their columns and types,
 * view definitions, functions, triggers, indexes, storage options and constraints of schemas {@code public} and
 * {@code local_stack}. Two equal lists mean the same catalog (e2e-tests' {@code make chaos} uses it too).
 */
public final class Catalog {

	private static final String SCHEMAS = "('public', 'local_stack')";

	private Catalog() {
	}

	public static List<String> of(JdbcClient sql) {
		List<String> lines = new ArrayList<>();
		lines.addAll(lines(sql, """
				SELECT 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' || ordinal_position || ' '
				       || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
				FROM information_schema.columns WHERE table_schema IN %s ORDER BY 1""".formatted(SCHEMAS)));
		lines.addAll(lines(sql, """
				SELECT 'view ' || schemaname || '.' || viewname || ' ' || definition
				FROM pg_views WHERE schemaname IN %s ORDER BY 1""".formatted(SCHEMAS)));
		lines.addAll(lines(sql, """
				SELECT 'function ' || n.nspname || '.' || p.proname || '(' || pg_get_function_arguments(p.oid) || ') '
				       || md5(pg_get_functiondef(p.oid))
				FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN %s ORDER BY 1""".formatted(SCHEMAS)));
		lines.addAll(lines(sql, """
				SELECT 'trigger ' || c.relname || ' ' || pg_get_triggerdef(t.oid)
				FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE NOT t.tgisinternal AND n.nspname IN %s ORDER BY 1""".formatted(SCHEMAS)));
		lines.addAll(lines(sql, """
				SELECT 'index ' || schemaname || '.' || indexname || ' ' || indexdef
				FROM pg_indexes WHERE schemaname IN %s ORDER BY 1""".formatted(SCHEMAS)));
		lines.addAll(lines(sql, """
				SELECT 'options ' || n.nspname || '.' || c.relname || ' ' || array_to_string(c.reloptions, ',')
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE c.reloptions IS NOT NULL AND n.nspname IN %s ORDER BY 1""".formatted(SCHEMAS)));
		lines.addAll(lines(sql, """
				SELECT 'constraint ' || n.nspname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid)
				FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname IN %s ORDER BY 1""".formatted(SCHEMAS)));
		return lines;
	}

	private static List<String> lines(JdbcClient sql, String query) {
		return sql.sql(query).query(String.class).list();
	}

}
