package org.casinoloyalty.dashboard.sql;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Repository;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every statement the dashboard sends to the engine, found where each feature declares it: the
 * {@code static final String} constants of the feature's {@code @Repository} class, and each order of its
 * {@code static final} {@link PagedQuery} constants. No SQL lives
 * anywhere else ({@code ArchitectureTest} holds that), and no statement is assembled at run time, so
 * this list is complete: the compatibility test checks it against RisingWave's rules and
 * {@code make check} runs its queries against the engine.
 */
public final class EngineStatements {

	private static final String DASHBOARD_PACKAGE = "org.casinoloyalty.dashboard";

	private EngineStatements() {
	}

	public static List<EngineStatement> all() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Repository.class));
		List<EngineStatement> statements = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(DASHBOARD_PACKAGE)) {
			statements.addAll(declaredIn(ClassUtils.resolveClassName(candidate.getBeanClassName(),
					EngineStatements.class.getClassLoader())));
		}
		statements.sort(Comparator.comparing(EngineStatement::name));
		return List.copyOf(statements);
	}

	static List<EngineStatement> declaredIn(Class<?> repository) {
		List<EngineStatement> statements = new ArrayList<>();
		for (Field field : repository.getDeclaredFields()) {
			int modifiers = field.getModifiers();
			boolean constant = Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers);
			if (constant && (field.getType() == String.class || field.getType() == PagedQuery.class)) {
				String name = repository.getSimpleName() + "." + field.getName();
				field.setAccessible(true);
				try {
					Object value = field.get(null);
					if (value instanceof PagedQuery paged) {
						statements.addAll(paged.variants(name));
					}
					else {
						statements.add(new EngineStatement(name, (String) value));
					}
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException("cannot read " + repository.getName() + "." + field.getName(), ex);
				}
			}
		}
		return statements;
	}

}
