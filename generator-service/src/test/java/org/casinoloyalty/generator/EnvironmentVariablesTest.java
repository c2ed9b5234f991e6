package org.casinoloyalty.generator;

import org.casinoloyalty.generator.schema.SchemaProperties;
import org.casinoloyalty.generator.simulation.Member;
import org.casinoloyalty.generator.simulation.MemberRoster;
import org.casinoloyalty.generator.simulation.Persona;
import org.casinoloyalty.generator.simulation.SimulationProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment variables of the shared contract (docker-compose.yml, scripts) reach the properties they mean. */
class EnvironmentVariablesTest {

	private static Binder binderOf(Map<String, Object> variables) {
		var environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", variables));
		return Binder.get(environment);
	}

	@Test
	void schemaVariablesOfDockerMode() {
		var schema = binderOf(Map.of("CASINO_SCHEMA_ENABLED", "true", "CASINO_SCHEMA_JDBC_URL", "jdbc:postgresql://rw:4566/dev",
				"CASINO_SCHEMA_USERNAME", "admin", "CASINO_SCHEMA_ENGINE_BROKER", "broker:29092"))
			.bind("casino.schema", SchemaProperties.class)
			.get();
		assertThat(schema.enabled()).isTrue();
		assertThat(schema.jdbcUrl()).isEqualTo("jdbc:postgresql://rw:4566/dev");
		assertThat(schema.username()).isEqualTo("admin");
		assertThat(schema.engineBroker()).isEqualTo("broker:29092");
	}

	@Test
	void generatorVariables() {
		var generator = binderOf(Map.of("CASINO_GENERATOR_TOPIC", "t", "CASINO_GENERATOR_PARTITIONS", "3",
				"CASINO_GENERATOR_DEFAULT_RATE", "7", "CASINO_GENERATOR_AUTOSTART", "false", "CASINO_GENERATOR_MAX_RATE", "500",
				"CASINO_GENERATOR_REPLICATION_FACTOR", "3"))
			.bind("casino.generator", GeneratorProperties.class)
			.get();
		assertThat(generator.partitions()).isEqualTo(3);
		assertThat(generator.replicationFactor()).isEqualTo(3);
		assertThat(generator.autoStart()).isFalse();
		assertThat(generator.defaultRate()).isEqualTo(7);
		assertThat(generator.maxRate()).isEqualTo(500);
	}

	/** These variables are mapped in application.yml, so they are bound through it. */
	@Test
	void rosterSizeAndShareVariables() throws Exception {
		var environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		var unset = Binder.get(environment).bind("casino.generator.simulation", SimulationProperties.class).get();
		assertThat(unset.rosterSize()).isNull();
		assertThat(unset.instance()).isEqualTo(SimulationProperties.RosterShare.WHOLE);
		assertThat(MemberRoster.from(unset)).isEqualTo(MemberRoster.defaultRoster());

		environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", Map.of(
				"CASINO_SIMULATION_MEMBERS", "20000", "CASINO_GENERATOR_INSTANCE", "1", "CASINO_GENERATOR_INSTANCES", "3")));
		var set = Binder.get(environment).bind("casino.generator.simulation", SimulationProperties.class).get();
		assertThat(set.rosterSize()).isEqualTo(20_000);
		assertThat(set.instance()).isEqualTo(new SimulationProperties.RosterShare(1, 3));
	}

	@Test
	void topicsKeepOneCopyOfEachPartitionUnlessTold() {
		var generator = binderOf(Map.of("CASINO_GENERATOR_TOPIC", "t", "CASINO_GENERATOR_PARTITIONS", "6",
				"CASINO_GENERATOR_DEFAULT_RATE", "5"))
			.bind("casino.generator", GeneratorProperties.class)
			.get();
		assertThat(generator.replicationFactor()).isEqualTo(1);
	}

	@Test
	void aRosterGivenAsPropertiesBindsPersonasInAnyOfSpringsSpellings() {
		var environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
				"casino.generator.simulation.members[0].id", "2001",
				"casino.generator.simulation.members[0].name", "Zoe Quinn",
				"casino.generator.simulation.members[0].persona", "high-roller",
				"casino.generator.simulation.members[1].id", "2002",
				"casino.generator.simulation.members[1].name", "Yann Roe",
				"casino.generator.simulation.members[1].persona", "unlucky")));
		var simulation = Binder.get(environment).bind("casino.generator.simulation", SimulationProperties.class).get();
		assertThat(MemberRoster.from(simulation)).containsExactly(new Member(2001, "Zoe Quinn", Persona.HIGH_ROLLER),
				new Member(2002, "Yann Roe", Persona.UNLUCKY));
	}

}
