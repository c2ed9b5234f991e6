package org.casinoloyalty.generator.simulation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.SplittableRandom;

@Configuration(proxyBeanMethods = false)
class SimulationConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	CasinoSimulator casinoSimulator(Clock clock) {
		return new CasinoSimulator(MemberRoster.defaultRoster(), new SplittableRandom(), clock, new TransactionIds(clock));
	}

}
