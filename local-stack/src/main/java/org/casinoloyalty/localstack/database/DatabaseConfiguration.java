package org.casinoloyalty.localstack.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.casinoloyalty.localstack.LocalStackProperties;
import org.casinoloyalty.localstack.network.BindAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedSqlServer embeddedSqlServer(LocalStackProperties properties, BindAddress bind) {
		return EmbeddedSqlServer.start(properties.sql(), bind, properties.dataDirectory());
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
		LocalSchema schema = new LocalSchema(new JdbcTemplate(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		schema.apply();
		return schema;
	}

}
