package org.casinoloyalty.generator.control;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link StateChangeGuard} in front of every controller method. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ControlApiProperties.class)
class ControlApiConfiguration implements WebMvcConfigurer {

	private final StateChangeGuard guard;

	ControlApiConfiguration(StateChangeGuard guard) {
		this.guard = guard;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(guard);
	}

}
