package org.casinoloyalty.dashboard.offers;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casinoloyalty.dashboard.DatabaseTest;
import org.casinoloyalty.dashboard.live.SnapshotPoller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.time.Duration;
import java.util.Map;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * The listener on topic loyalty-offers against an embedded broker: a burst of offers, one of them
 * delivered twice and a record that is no offer among them, makes one refresh with one notice.
 */
@EmbeddedKafka(partitions = 3, topics = "loyalty-offers")
@TestPropertySource(properties = { "casino.dashboard.new-offers.enabled=true",
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}" })
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
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString()), new StringSerializer(), new StringSerializer())) {
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

	private static String offer(String type, long member) {
		return """
				{"member_id":%2$d,"member_name":"Member %2$d","total_spend":6000.0,"transaction_count":3,"net_amount":-6000.0,
				 "last_transaction":"2026-03-01 10:01:00.000","window_start":"2026-03-01 10:00:00.000",
				 "window_end":"2026-03-01 10:05:00.000","reward_type":"x","offer_type":"%1$s",
				 "offer_id":"%1$s:%2$d:2026-03-01 10:00:00"}""".formatted(type, member);
	}

}
