package org.casinoloyalty.localstack;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalStackApplication {

	public static void main(String[] args) {
		SpringApplication.run(LocalStackApplication.class, args);
	}

}
