package org.casinoloyalty.dashboard.offers;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.live.SnapshotPoller;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The listener on topic loyalty-offers against an embedded broker: a burst of offers, one of them
 * delivered twice and a record that is no offer among them, makes one refresh with one notice.
 */
@EmbeddedKafka(partitions = 3, topics = "loyalty-offers")
@TestPropertySource(properties = { "casino.dashboard.new-offers.enabled=true",
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "casino.dashboard.new-offers.burst=1s",
		"casino.dashboard.new-offers.max-burst=4s" })
class NewOffersListenerTest extends DatabaseTest {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@MockitoSpyBean
	SnapshotPoller poller;

	@Test
	void aBurstOfNewOffersIsOneRefreshWithOneNoticeAndARedeliveryIsNotAnnouncedAgain() {
		ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("new-offers"), 3);
		try (var producer = producer()) {
			producer.send(new ProducerRecord<>("loyalty-offers", "1001", offer("hotel", 1001)));
			producer.send(new ProducerRecord<>("loyalty-offers", "1002", offer("hotel", 1002)));
			producer.send(new ProducerRecord<>("loyalty-offers", "1003", "not an offer"));
			producer.send(new ProducerRecord<>("loyalty-offers", "1003", offer("drink", 1003)));
			producer.send(new ProducerRecord<>("loyalty-offers", "1001", offer("hotel", 1001)));
		}

		verify(poller, timeout(Duration.ofSeconds(30).toMillis()))
			.refreshNow("2 new hotel offers and 1 new drink offer, 10:00-10:05");
		verify(poller, after(1_000).times(1)).refreshNow(anyString());
	}

	/** The outbox relays a large window's offers over a second or more: still one refresh, once they stop. */
	@Test
	void offersThatKeepComingWithinTheBurstTimeAreOneRefreshAfterTheLast() throws Exception {
		sendSpaced("drink", 2001, 6, "10:05", Duration.ofMillis(400)); // 2.4 s in all, the burst time 1 s

		verify(poller, timeout(Duration.ofSeconds(30).toMillis())).refreshNow("6 new drink offers, 10:05-10:10");
		verify(poller, after(1_500).times(1)).refreshNow(anyString());
	}

	/** A steady trickle refreshes the screens at the latest every max-burst (4 s here), not only when it stops. */
	@Test
	void aTrickleOfOffersRefreshesAtTheLatestAfterTheLongestBurst() throws Exception {
		// 7.5 s of offers half a second apart, each within the burst time of the one before
		sendSpaced("hotel", 3001, 15, "10:10", Duration.ofMillis(500));

		verify(poller, timeout(Duration.ofSeconds(30).toMillis()).times(2)).refreshNow(anyString());
		verify(poller, after(1_500).times(2)).refreshNow(anyString());
		// captured once the refreshes are over: a waiting verification captures at each of its checks
		ArgumentCaptor<String> notices = ArgumentCaptor.forClass(String.class);
		verify(poller, times(2)).refreshNow(notices.capture());
		assertThat(notices.getAllValues()).allMatch(notice -> notice.matches("\\d+ new hotel offers, 10:10-10:15"));
		assertThat(notices.getAllValues().stream().mapToInt(notice -> Integer.parseInt(notice.split(" ")[0])).sum())
			.isEqualTo(15);
	}

	/** {@code count} offers of members from {@code firstMember} on, one every {@code spacing}: the spacing is under test. */
	private void sendSpaced(String type, long firstMember, int count, String windowStart, Duration spacing)
			throws Exception {
		ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("new-offers"), 3);
		try (var producer = producer()) {
			for (long member = firstMember; member < firstMember + count; member++) {
				producer.send(new ProducerRecord<>("loyalty-offers", "k", offer(type, member, windowStart))).get();
				Thread.sleep(spacing.toMillis());
			}
		}
	}

	private KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString()), new StringSerializer(), new StringSerializer());
	}

	private static String offer(String type, long member) {
		return offer(type, member, "10:00");
	}

	private static String offer(String type, long member, String windowStart) {
		LocalTime start = LocalTime.parse(windowStart);
		return """
				{"member_id":%2$d,"member_name":"Member %2$d","total_spend":6000.0,"transaction_count":3,"net_amount":-6000.0,
				 "last_transaction":"2026-03-01 %3$s:30.000","window_start":"2026-03-01 %3$s:00.000",
				 "window_end":"2026-03-01 %4$s:00.000","reward_type":"x","offer_type":"%1$s",
				 "offer_id":"%1$s:%2$d:2026-03-01 %3$s:00"}""".formatted(type, member, start, start.plusMinutes(5));
	}

}
