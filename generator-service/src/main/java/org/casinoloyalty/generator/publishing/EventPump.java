package org.casinoloyalty.generator.publishing;

import org.casinoloyalty.generator.GeneratorProperties;
import org.casinoloyalty.generator.simulation.CasinoSimulator;
import org.casinoloyalty.generator.simulation.TransactionEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes simulated events at the set rate. Every tick sends what is due since the start of the
 * run (rate × elapsed time), so timer jitter never accumulates into a drifting rate.
 */
@Component
public class EventPump implements SmartLifecycle {

	private static final Duration TICK = Duration.ofMillis(20);

	private final CasinoSimulator simulator;
	private final TransactionPublisher publisher;
	private final GeneratorProperties properties;
	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("event-pump").daemon().factory());
	private final Deque<TransactionEvent> pending = new ArrayDeque<>();
	private volatile double rate;
	private ScheduledFuture<?> run;
	private long runStartNanos;
	private long eventsThisRun;

	public EventPump(CasinoSimulator simulator, TransactionPublisher publisher, GeneratorProperties properties) {
		this.simulator = simulator;
		this.publisher = publisher;
		this.properties = properties;
		this.rate = properties.defaultRate();
	}

	@EventListener(ApplicationReadyEvent.class)
	void startIfConfigured() {
		if (properties.autoStart()) {
			startPublishing(properties.defaultRate());
		}
	}

	/** Starts publishing at the given rate; false when a run is already going on. */
	public synchronized boolean startPublishing(double eventsPerSecond) {
		if (isPublishing()) {
			return false;
		}
		rate = eventsPerSecond;
		runStartNanos = System.nanoTime();
		eventsThisRun = 0;
		run = scheduler.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
		return true;
	}

	public synchronized void stopPublishing() {
		if (run != null) {
			run.cancel(false);
			run = null;
		}
	}

	public synchronized boolean isPublishing() {
		return run != null;
	}

	public double rate() {
		return rate;
	}

	private synchronized void tick() {
		double elapsedSeconds = (System.nanoTime() - runStartNanos) / 1e9;
		long due = (long) Math.floor(elapsedSeconds * rate) - eventsThisRun;
		for (long i = 0; i < due; i++) {
			if (pending.isEmpty()) {
				pending.addAll(simulator.play());
			}
			publisher.publish(pending.poll());
			eventsThisRun++;
		}
	}

	@Override
	public void start() {
	}

	@Override
	public void stop() {
		stopPublishing();
		scheduler.shutdown();
	}

	@Override
	public boolean isRunning() {
		return !scheduler.isShutdown();
	}

}
