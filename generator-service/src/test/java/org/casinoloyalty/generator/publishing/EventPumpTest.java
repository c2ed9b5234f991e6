package org.casinoloyalty.generator.publishing;

import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.simulation.CasinoSimulator;
import org.casinoloyalty.generator.simulation.MemberRoster;
import org.casinoloyalty.generator.simulation.TransactionEvent;
import org.casinoloyalty.generator.simulation.TransactionIds;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/** The pump's pacing, driven tick by tick on a hand-moved clock: what is due is exactly rate × time. */
class EventPumpTest {

	private long now = 1_000_000_000L;

	private final List<TransactionEvent> published = new ArrayList<>();

	private final EventPump pump = pump();

	private EventPump pump() {
		var properties = new GeneratorProperties("gaming-transactions", 3, 5, 10_000, false, Duration.ofSeconds(1));
		var publisher = mock(TransactionPublisher.class);
		doAnswer(call -> published.add(call.getArgument(0))).when(publisher).publish(any());
		// heartbeats: TransactionPublisherHeartbeatTest
		var simulator = new CasinoSimulator(MemberRoster.defaultRoster(), new SplittableRandom(1), Clock.systemUTC(),
				new TransactionIds(Clock.systemUTC()));
		return new EventPump(simulator, publisher, properties, () -> now);
	}

	private void runFor(Duration duration, Duration tick) {
		for (long t = 0; t < duration.toNanos(); t += tick.toNanos()) {
			now += tick.toNanos();
			pump.tick();
		}
	}

	private long events() {
		return published.stream().filter(event -> !TransactionEvent.HEARTBEAT.equals(event.transactionType())).count();
	}

	@Test
	void sendsTheFirstEventAtOnceAndThenExactlyRateTimesElapsedTime() {
		pump.startPublishing(5);
		pump.tick();
		assertThat(events()).isEqualTo(1);
		runFor(Duration.ofSeconds(60), Duration.ofMillis(10));
		assertThat(events()).isEqualTo(1 + 5 * 60);
	}

	@Test
	void lateAndIrregularTicksDoNotMakeTheRateDrift() {
		pump.startPublishing(100);
		for (int i = 0; i < 1_000; i++) {
			now += (i % 3 == 0 ? 37 : 4) * 1_000_000L;
			pump.tick();
		}
		long elapsedMillis = 1_000 / 3 * 37 + 1 * 37 + (1_000 - 334) * 4;
		assertThat(events()).isEqualTo(1 + elapsedMillis * 100 / 1_000);
	}

	@Test
	void highRatesAreSentInBatchesPerTick() {
		pump.startPublishing(10_000);
		runFor(Duration.ofSeconds(2), Duration.ofMillis(10));
		assertThat(events()).isEqualTo(1 + 20_000);
	}

	@Test
	void aRateChangeCountsAfreshWithoutABurst() {
		pump.startPublishing(1);
		runFor(Duration.ofMillis(1_500), Duration.ofMillis(10));
		long before = events();
		pump.changeRate(1_000);
		pump.tick();
		assertThat(events()).as("no catch-up burst at the moment of the change").isEqualTo(before);
		runFor(Duration.ofSeconds(1), Duration.ofMillis(10));
		assertThat(events() - before).isEqualTo(1_000);
	}

	@Test
	void debtOfMoreThanASecondIsDroppedRatherThanBurstOutLater() {
		pump.startPublishing(50);
		pump.tick();
		now += Duration.ofSeconds(30).toNanos();
		pump.tick();
		assertThat(events()).isEqualTo(1);
		runFor(Duration.ofSeconds(1), Duration.ofMillis(10));
		assertThat(events()).isEqualTo(1 + 50);
	}

	/** A tick that is sending when the application stops finishes before stop() returns (the producer closes after). */
	@Test
	void stopWaitsForTheTickInProgress() throws Exception {
		var properties = new GeneratorProperties("gaming-transactions", 3, 5, 10_000, false, Duration.ofSeconds(1));
		var publisher = mock(TransactionPublisher.class);
		var sending = new CountDownLatch(1);
		var finished = new AtomicBoolean();
		doAnswer(call -> {
			sending.countDown();
			Thread.sleep(500);
			finished.set(true);
			return null;
		}).when(publisher).publish(any());
		var simulator = new CasinoSimulator(MemberRoster.defaultRoster(), new SplittableRandom(1), Clock.systemUTC(),
				new TransactionIds(Clock.systemUTC()));
		EventPump ticking = new EventPump(simulator, publisher, properties);
		ticking.startPublishing(5);
		ticking.startTicking();
		assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();

		ticking.stop();

		assertThat(finished).as("the tick had finished sending when stop() returned").isTrue();
	}

	@Test
	void startWhileRunningChangesNothing() {
		assertThat(pump.startPublishing(5)).isTrue();
		assertThat(pump.startPublishing(50)).isFalse();
		assertThat(pump.rate()).isEqualTo(5);
		assertThat(pump.stopPublishing()).isTrue();
		assertThat(pump.stopPublishing()).isFalse();
	}

}
