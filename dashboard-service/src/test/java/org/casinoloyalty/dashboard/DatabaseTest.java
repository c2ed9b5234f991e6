package org.casinoloyalty.dashboard;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A Spring test of the dashboard against {@link TestDatabase}, emptied before each test. */
@SpringBootTest
public abstract class DatabaseTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeEach
	void emptyDatabase() {
		TestDatabase.reset();
	}

}
