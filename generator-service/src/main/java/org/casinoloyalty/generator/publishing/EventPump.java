package org.casinoloyalty.generator.publishing;

import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.simulation.CasinoSimulator;
import org.casinoloyalty.generator.simulation.TransactionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Publishes simulated events at the set rate, and a heartbeat to each partition that had no record
 * for an interval (while stopped, slow, or between two records of that partition). Every tick sends
 * what is due since the run's origin (rate × elapsed time), so timer jitter never accumulates into a
 * drifting rate; at high rates a tick sends a batch.
 */
@Component
public class EventPump implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventPump.class);

	static final Duration TICK = Duration.ofMillis(10);

	/**
	 * A tick sends for at most this long, then leaves the rest to the next tick: start, stop and rate
	 * changes never wait long for the pump. A bound in time, not in records, so the pump's top rate
	 * is the producer's, not records-per-tick divided by the tick (a 5,000-record bound capped it
	 * near 500,000 records/s).
	 */
	private static final long MAX_TICK_NANOS = TICK.toNanos();

	/** How many records pass between two looks at the clock inside a tick. */
	private static final int CLOCK_CHECK_EVERY = 256;

	private static final long MEASURING_WINDOW_NANOS = Duration.ofSeconds(10).toNanos();

	private final CasinoSimulator simulator;
	private final TransactionPublisher publisher;
	private final GeneratorProperties properties;
	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("event-pump").daemon().factory());
	private final RateMeter meter = new RateMeter(MEASURING_WINDOW_NANOS);
	private final LongSupplier nanoTime;
	private final long createdNanos;
	/** The current run, replaced on every start and rate change; null while stopped. */
	private final AtomicReference<Run> run = new AtomicReference<>();
	private volatile double rate;
	private volatile boolean ticking;

	// Touched by the pump thread only, so sending never holds a lock the API waits for.
	private final Deque<TransactionEvent> pending = new ArrayDeque<>();
	private Run accountedRun;
	private long sentInRun;

	/** Events due by time t: dueAtOrigin + ⌊(t − origin) × rate⌋. */
	private record Run(double rate, long originNanos, long dueAtOrigin) {
	}

	@Autowired
	public EventPump(CasinoSimulator simulator, TransactionPublisher publisher, GeneratorProperties properties) {
		this(simulator, publisher, properties, System::nanoTime);
	}

	/** With a nanosecond source of its own, for tests that drive the ticks by hand. */
	EventPump(CasinoSimulator simulator, TransactionPublisher publisher, GeneratorProperties properties, LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		this.createdNanos = nanoTime.getAsLong();
		this.simulator = simulator;
		this.publisher = publisher;
		this.properties = properties;
		this.rate = properties.defaultRate();
	}

	/**
	 * Ticks begin only once the application is ready: in Docker mode the schema initialiser has then
	 * made the topic with its partitions, and no early heartbeat lets the broker auto-create it with one.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void startTicking() {
		if (properties.autoStart()) {
			startPublishing(properties.defaultRate());
		}
		scheduler.scheduleAtFixedRate(this::tick, 0, TICK.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** Starts publishing at the given rate, the first event at once; false when already publishing. */
	public synchronized boolean startPublishing(double eventsPerSecond) {
		if (run.get() != null) {
			return false;
		}
		rate = eventsPerSecond;
		run.set(new Run(eventsPerSecond, nanoTime.getAsLong(), 1));
		log.info("Publishing started at {} events/s", eventsPerSecond);
		return true;
	}

	/** Stops publishing; false when it was not publishing. Heartbeats go on. */
	public synchronized boolean stopPublishing() {
		if (run.getAndSet(null) == null) {
			return false;
		}
		log.info("Publishing stopped; every partition gets a heartbeat every {} ms", properties.heartbeatInterval().toMillis());
		return true;
	}

	/**
	 * Sets the rate, running or not, and returns the previous one. A running pump counts afresh
	 * from now, so the change neither bursts (to catch up at the new rate) nor pauses: the next
	 * event is due 1/rate from now.
	 */
	public synchronized double changeRate(double eventsPerSecond) {
		double previous = rate;
		rate = eventsPerSecond;
		if (run.get() != null) {
			run.set(new Run(eventsPerSecond, nanoTime.getAsLong(), 0));
		}
		log.info("Rate changed from {} to {} events/s", previous, eventsPerSecond);
		return previous;
	}

	public boolean isPublishing() {
		return run.get() != null;
	}

	public double rate() {
		return rate;
	}

	/** Play events the broker acknowledged per second over the last ten seconds. */
	public double measuredRate() {
		return meter.eventsPerSecond();
	}

	public Duration uptime() {
		return Duration.ofNanos(nanoTime.getAsLong() - createdNanos);
	}

	void tick() {
		try {
			long now = nanoTime.getAsLong();
			Run current = run.get();
			if (current != accountedRun) {
				accountedRun = current;
				sentInRun = 0;
				if (current == null) {
					pending.clear();
				}
			}
			if (current != null) {
				sendDueEvents(current, now);
			}
			publisher.heartbeatIdlePartitions(simulator::heartbeat, properties.heartbeatInterval());
			meter.record(now, publisher.acknowledgedEvents());
		}
		catch (RuntimeException ex) {
			// an exception would cancel the scheduled task for good; log it and keep ticking
			log.error("Event pump tick failed; continuing", ex);
		}
	}

	private void sendDueEvents(Run current, long now) {
		long due = current.dueAtOrigin() + (long) Math.floor((now - current.originNanos()) / 1e9 * current.rate()) - sentInRun;
		if (due > Math.max(1, current.rate())) {
			// More than a second behind (a stalled broker, or a rate above what the broker takes):
			// drop the debt rather than burst it out later. Lost to a concurrent API change: fine.
			run.compareAndSet(current, new Run(current.rate(), now, 0));
			return;
		}
		long batch = 0;
		while (batch < due) {
			if (pending.isEmpty()) {
				pending.addAll(simulator.play());
			}
			publisher.publish(pending.poll());
			batch++;
			if (batch % CLOCK_CHECK_EVERY == 0 && nanoTime.getAsLong() - now >= MAX_TICK_NANOS) {
				break;
			}
		}
		if (batch > 0) {
			sentInRun += batch;
		}
	}

	/** Ticking starts when the application is ready; as a lifecycle the pump exists to stop before the producer closes. */
	@Override
	public void start() {
		ticking = true;
	}

	/** Waits for a tick in progress (at most {@link #TICK} of sending) so nothing sends on a closing producer. */
	@Override
	public void stop() {
		stopPublishing();
		scheduler.shutdown();
		try {
			if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
				log.warn("The event pump's last tick did not end within 5 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		ticking = false;
	}

	@Override
	public boolean isRunning() {
		return ticking;
	}

}
