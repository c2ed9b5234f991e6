package org.casinoloyalty.dashboard.sql;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * Wraps the pool so every statement a connection creates is counted. A JDK proxy keeps the pool
 * itself (Hikari) untouched: the count is of statements, not of connection checks.
 */
@Configuration(proxyBeanMethods = false)
class CountingDataSourceConfiguration {

	private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");

	@Bean
	static BeanPostProcessor countingDataSourcePostProcessor(ObjectProvider<StatementCounter> counter) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
					return proxy(DataSource.class, dataSource, (method, result) -> method.getName().equals("getConnection")
							? proxy(Connection.class, (Connection) result, (connectionMethod, statement) -> {
								if (STATEMENT_FACTORIES.contains(connectionMethod.getName())) {
									counter.getObject().increment();
								}
								return statement;
							}) : result);
				}
				return bean;
			}
		};
	}

	private interface ResultMapper {

		Object map(Method method, Object result);

	}

	private static <T> T proxy(Class<T> type, T target, ResultMapper mapper) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") && args.length == 1 && ((Class<?>) args[0]).isInstance(target)) {
				return target;
			}
			try {
				return mapper.map(method, method.invoke(target, args));
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
	}

}
