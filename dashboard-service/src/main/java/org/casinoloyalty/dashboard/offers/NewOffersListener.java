package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.live.SnapshotPoller;
import org.casinoloyalty.dashboard.offers.NewOffersNotice.NewOffer;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Listens on topic {@code loyalty-offers} with a consumer group of its own. A burst of new offers
 * (a window's offers arrive together when it closes) becomes ONE refresh of the shared snapshot,
 * pushed at once to every open screen with a short notice: one read per burst however many
 * browsers are open; the refresh interval still governs everything else. Records come at least
 * once, so an offer already announced is not announced again (by {@code offer_id}).
 */
@Component
@ConditionalOnBooleanProperty(name = "casino.dashboard.new-offers.enabled", matchIfMissing = true)
class NewOffersListener extends AbstractConsumerSeekAware implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(NewOffersListener.class);

	/** The event contract's times (design §2), as the sinks write them. */
	private static final DateTimeFormatter CONTRACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	/** How many offer ids it remembers to drop a redelivered record: far more than a day of offers of the demo. */
	private static final int REMEMBERED = 50_000;

	private final SnapshotPoller poller;

	private final JsonMapper json;

	private final NewOffersProperties properties;

	private final ScheduledExecutorService burstTimer = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("new-offers-burst").daemon().factory());

	private final Map<String, Boolean> announced = new LinkedHashMap<>(1024, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > REMEMBERED;
		}
	};

	private List<NewOffer> pending = new ArrayList<>();

	/** When the first offer of the burst being gathered came (System.nanoTime). */
	private long burstStarted;

	/** The announcement of the burst being gathered, put off by each offer that joins it. */
	private ScheduledFuture<?> announcement;

	NewOffersListener(SnapshotPoller poller, JsonMapper json, NewOffersProperties properties) {
		this.poller = poller;
		this.json = json;
		this.properties = properties;
	}

	@KafkaListener(id = "new-offers", topics = "${casino.dashboard.new-offers.topic:loyalty-offers}",
			groupId = "${casino.dashboard.new-offers.group-id:casino-dashboard}", batch = "true",
			properties = "auto.offset.reset=latest")
	void onOffers(List<String> values) {
		List<NewOffer> offers = new ArrayList<>();
		for (String value : values) {
			try {
				offers.add(parse(Objects.requireNonNull(value, "no value")));
			}
			catch (RuntimeException ex) {
				log.warn("Skipped a record of {} that is not an offer ({}): {}", properties.topic(), ex.getMessage(),
						value == null ? "null" : value.length() > 200 ? value.substring(0, 200) + "…" : value);
			}
		}
		gather(offers);
	}

	/**
	 * From the end of each partition at every assignment: offers made while this dashboard was down are
	 * on its screens at the first read, not news (the group's committed offsets would replay them).
	 */
	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		super.onPartitionsAssigned(assignments, callback);
		callback.seekToEnd(assignments.keySet());
	}

	/**
	 * A burst ends once no new offer has come for {@link NewOffersProperties#burst()}, or at the latest
	 * {@link NewOffersProperties#maxBurst()} after its first: the outbox relays a large window's offers over a
	 * second or more (17,000 offers at 20,000 members), which a fixed wait from the first offer cut into
	 * several refreshes of every screen.
	 */
	private synchronized void gather(List<NewOffer> offers) {
		boolean burstOpen = !pending.isEmpty();
		int before = pending.size();
		for (NewOffer offer : offers) {
			if (announced.put(offer.offerId(), Boolean.TRUE) == null) {
				pending.add(offer);
			}
		}
		if (pending.size() == before) {
			return;
		}
		long now = System.nanoTime();
		if (!burstOpen) {
			burstStarted = now;
		}
		if (announcement != null) {
			announcement.cancel(false);
		}
		long untilLatest = burstStarted + properties.maxBurst().toNanos() - now;
		announcement = burstTimer.schedule(this::announce, Math.max(0, Math.min(properties.burst().toNanos(), untilLatest)),
				TimeUnit.NANOSECONDS);
	}

	private void announce() {
		List<NewOffer> burst;
		synchronized (this) {
			burst = pending;
			pending = new ArrayList<>();
			announcement = null;
		}
		if (burst.isEmpty()) {
			// the announcement of an offer that an announcement running at the same time took along
			return;
		}
		String notice = NewOffersNotice.describe(burst);
		log.info("{}: refreshing every open dashboard", notice);
		poller.refreshNow(notice);
	}

	private NewOffer parse(String value) {
		JsonNode offer = json.readTree(value);
		return new NewOffer(text(offer, "offer_id"), OfferType.fromKey(text(offer, "offer_type")),
				LocalDateTime.parse(text(offer, "window_start"), CONTRACT), LocalDateTime.parse(text(offer, "window_end"), CONTRACT));
	}

	private static String text(JsonNode offer, String field) {
		JsonNode node = offer.get(field);
		if (node == null || !node.isString()) {
			throw new IllegalArgumentException("no " + field);
		}
		return node.asString();
	}

	@Override
	public void close() {
		burstTimer.shutdownNow();
	}

}
