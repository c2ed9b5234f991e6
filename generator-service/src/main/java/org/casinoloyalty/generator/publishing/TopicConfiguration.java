package org.casinoloyalty.generator.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.casinoloyalty.generator.GeneratorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

	/** Created at start-up when missing: RisingWave's CREATE SOURCE fails on a topic that does not exist. */
	@Bean
	NewTopic gamingTransactionsTopic(GeneratorProperties properties) {
		return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).replicas(1).build();
	}

}
