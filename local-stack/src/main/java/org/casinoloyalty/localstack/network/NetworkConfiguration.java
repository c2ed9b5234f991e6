package org.casinoloyalty.localstack.network;

import org.casinoloyalty.localstack.LocalStackProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

	@Bean
	BindAddress bindAddress(LocalStackProperties properties) {
		return BindAddress.of(properties.network().bind(), properties.network().advertisedHost());
	}

}
