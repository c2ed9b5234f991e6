package org.casinoloyalty.generator.simulation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.SplittableRandom;

@Configuration(proxyBeanMethods = false)
class SimulationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SimulationConfiguration.class);

	/** The event-time seam: local-stack's end-to-end test replaces it with a fast clock. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	CasinoSimulator casinoSimulator(Clock clock, SimulationProperties properties) {
		var roster = MemberRoster.from(properties);
		var share = properties.instance();
		var played = share.of(roster);
		long seed = properties.seed() != null ? properties.seed() : new SplittableRandom().nextLong();
		if (share.whole()) {
			log.info("Simulating {} members with random seed {} (set casino.generator.simulation.seed={} to replay this run)",
					roster.size(), seed, seed);
		}
		else {
			log.info("Generator {} of {}: simulating {} of the roster's {} members with random seed {} (set "
					+ "casino.generator.simulation.seed={} to replay this run)", share.index() + 1, share.count(),
					played.size(), roster.size(), seed, seed);
		}
		return new CasinoSimulator(played, new SplittableRandom(seed), clock, new TransactionIds(clock, share));
	}

}
