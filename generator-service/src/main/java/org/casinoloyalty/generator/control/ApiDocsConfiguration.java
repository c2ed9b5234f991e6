package org.casinoloyalty.generator.control;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** OpenAPI description (Swagger UI at /docs by springdoc) and ReDoc at /redoc from the WebJar. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration implements WebMvcConfigurer {

	@Bean
	OpenAPI generatorOpenApi() {
		return new OpenAPI().info(new Info().title("Casino data generator")
			.version("0.1.0")
			.description("Simulates casino play and publishes bet, win and heartbeat records to Kafka topic "
					+ "gaming-transactions. Rates are events per second. Errors are RFC 9457 problem documents."));
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/redoc").setViewName("forward:/redoc.html");
	}

}
