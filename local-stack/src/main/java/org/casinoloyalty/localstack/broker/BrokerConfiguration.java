package org.casinoloyalty.localstack.broker;

import org.casinoloyalty.localstack.LocalStackProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedKafkaBroker embeddedKafkaBroker(LocalStackProperties properties) {
		return EmbeddedKafkaBroker.start(properties.kafka(), properties.dataDirectory());
	}

}
