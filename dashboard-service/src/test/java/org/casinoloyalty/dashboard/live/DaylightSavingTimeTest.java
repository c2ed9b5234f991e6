package org.casinoloyalty.dashboard.live;

import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.offers.Offer;
import org.casinoloyalty.dashboard.offers.OfferRows;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, point 9: the engine's times are UTC wall clocks (TIMESTAMP without a zone), and they read
 * back unchanged whatever the JVM's zone. 02:00-02:05 on 8 March 2026 does not exist in New York (the
 * clocks jump from 02:00 to 03:00); read through java.sql.Timestamp it came back as 03:00.
 */
class DaylightSavingTimeTest extends DatabaseTest {

	private static final LocalDateTime SPRING_FORWARD = LocalDateTime.of(2026, 3, 8, 2, 0);

	private TimeZone before;

	@Autowired
	OfferRows offers;

	@Autowired
	WatermarkRepository watermark;

	@BeforeEach
	void jvmInADaylightSavingZone() {
		before = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
	}

	@AfterEach
	void jvmZoneBack() {
		TimeZone.setDefault(before);
	}

	@Test
	void aWindowInTheHourThatDaylightSavingSkipsReadsBackAsItIs() {
		TestDatabase.closedWindow(1001, "James Chen", SPRING_FORWARD, "6200.00", "6000.00", 20);

		Offer offer = offers.window(OfferType.HOTEL, SPRING_FORWARD, SPRING_FORWARD.toLocalDate(), MemberSearch.EVERYONE,
				null, 0, 10).getFirst().offer();

		assertThat(offer.windowStart()).isEqualTo(SPRING_FORWARD);
		assertThat(offer.windowEnd()).isEqualTo(SPRING_FORWARD.plusMinutes(5));
		assertThat(offer.lastTransaction()).isEqualTo(SPRING_FORWARD.plusMinutes(4));
		assertThat(watermark.read().lastClosedWindowEnd()).isEqualTo(SPRING_FORWARD.plusMinutes(5));
	}

}
