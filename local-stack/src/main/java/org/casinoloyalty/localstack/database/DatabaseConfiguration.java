package org.casinoloyalty.localstack.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedSqlServer embeddedSqlServer(LocalStackProperties properties) {
		return EmbeddedSqlServer.start(properties.sql(), properties.dataDirectory());
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedSqlServer server) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername(server.username());
		config.setPoolName("local-stack");
		config.setMaximumPoolSize(4);
		return new HikariDataSource(config);
	}

	/** Schema first, before anything reads or writes: the relations of design §5. */
	@Bean
	LocalSchema localSchema(DataSource dataSource) {
		LocalSchema schema = new LocalSchema(dataSource);
		schema.apply();
		return schema;
	}

}
