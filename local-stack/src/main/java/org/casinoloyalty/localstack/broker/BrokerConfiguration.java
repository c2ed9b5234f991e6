package org.casinoloyalty.localstack.broker;

import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.network.BindAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedKafkaBroker embeddedKafkaBroker(LocalStackProperties properties, BindAddress bind) {
		return EmbeddedKafkaBroker.start(properties.kafka(), properties.retention().rawEvents(), bind,
				properties.dataDirectory());
	}

}
