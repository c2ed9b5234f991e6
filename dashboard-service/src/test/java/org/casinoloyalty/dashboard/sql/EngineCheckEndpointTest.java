package org.casinoloyalty.dashboard.sql;

import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;

class EngineCheckEndpointTest extends DatabaseTest {

	@Autowired
	EngineCheckEndpoint endpoint;

	/** Every query runs with the sample arguments; writes are listed but leave the data alone. */
	@Test
	void runsEveryQueryOnceAndNoWrite() {
		long rulesBefore = TestDatabase.sql().sql("SELECT count(*) FROM offer_rules").query(Long.class).single();

		var response = endpoint.check();

		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
		assertThat(response.getBody().failed()).isZero();
		assertThat(response.getBody().queries()).extracting(EngineCheckEndpoint.QueryCheck::name)
			.containsExactlyElementsOf(EngineStatements.all().stream().map(EngineStatement::name).toList());
		assertThat(response.getBody().queries()).filteredOn(check -> check.outcome().equals("ok"))
			.extracting(EngineCheckEndpoint.QueryCheck::name)
			.contains("MemberActivityRepository.WINDOW[totalSpend desc]", "OfferRepository.DRINK_WINDOW_PENDING[qualifyingAmount desc] found", "OfferRepository.HOTEL_OFFER_COUNT", "OfferRepository.HOTEL_LIMITED", "WatermarkRepository.WATERMARK", "RedemptionRepository.FIND",
					"EngineDialect.VERSION", "StaffActionRepository.SINCE");
		assertThat(response.getBody().queries()).filteredOn(check -> check.outcome().equals("not run (write)"))
			.extracting(EngineCheckEndpoint.QueryCheck::name)
			.containsExactlyInAnyOrder("EngineDialect.FLUSH", "OfferRuleRepository.UPDATE", "RedemptionRepository.INSERT",
					"StaffActionRepository.INSERT");
		assertThat(TestDatabase.sql().sql("SELECT count(*) FROM offer_rules").query(Long.class).single())
			.isEqualTo(rulesBefore);
	}

	@Test
	void namesTheQueryThatTheEngineRejects() {
		TestDatabase.sql().sql("DROP TABLE game_stats").update();

		var response = endpoint.check();

		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		assertThat(response.getBody().failed()).isEqualTo(1);
		assertThat(response.getBody().queries()).filteredOn(check -> check.outcome().equals("failed"))
			.singleElement()
			.satisfies(check -> {
				assertThat(check.name()).isEqualTo("AnalyticsRepository.GAME_STATS");
				assertThat(check.error()).contains("game_stats");
			});
	}

}
