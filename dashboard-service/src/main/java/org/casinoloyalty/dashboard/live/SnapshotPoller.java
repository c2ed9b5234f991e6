package org.casinoloyalty.dashboard.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one reader of the views per dashboard process. Every second it checks whether the shortest
 * refresh interval among the open browsers has passed; if so it reads one {@link LiveSnapshot}
 * and hands it to each browser whose own interval has passed. So the number of SQL statements per
 * interval depends on the interval, never on the number of open browsers. With no browser open it
 * reads nothing.
 */
@Component
public class SnapshotPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SnapshotPoller.class);

	/** A browser is due a little early rather than a whole tick late. */
	private static final long TOLERANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

	private final SnapshotReader reader;

	private final LiveProperties properties;

	private final Counter reads;

	private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

	private ScheduledExecutorService executor;

	private volatile LiveState state = LiveState.STARTING;

	private long lastReadNanos;

	SnapshotPoller(SnapshotReader reader, LiveProperties properties, MeterRegistry registry) {
		this.reader = reader;
		this.properties = properties;
		this.reads = Counter.builder("dashboard.poll.reads")
			.description("Snapshot reads by the shared poller (one per refresh interval)")
			.register(registry);
		Gauge.builder("dashboard.poll.subscribers", subscriptions, Set::size)
			.description("Open browsers (UIs) the shared poller pushes to")
			.register(registry);
	}

	/** A browser's subscription: it receives states on the poller thread and must hand them to its UI. */
	public final class Subscription {

		private final Consumer<LiveState> listener;

		private volatile long intervalNanos;

		private volatile long lastDeliveredNanos;

		private Subscription(Duration interval, Consumer<LiveState> listener) {
			this.listener = listener;
			setInterval(interval);
		}

		public void setInterval(Duration interval) {
			Duration clamped = interval.compareTo(LiveProperties.MIN_REFRESH) < 0 ? LiveProperties.MIN_REFRESH
					: interval.compareTo(LiveProperties.MAX_REFRESH) > 0 ? LiveProperties.MAX_REFRESH : interval;
			intervalNanos = clamped.toNanos();
		}

		public void cancel() {
			subscriptions.remove(this);
		}

		private void deliver(LiveState delivered, long now) {
			lastDeliveredNanos = now;
			try {
				listener.accept(delivered);
			}
			catch (RuntimeException ex) {
				// A browser that went away between the check and the push; its detach cancels it.
				log.debug("Could not push to a browser: {}", ex.toString());
			}
		}

	}

	/**
	 * Subscribes. The caller shows {@link #state()} at once (the first paint); this reads again
	 * straight away when that state is missing or older than the browser's interval, since with no
	 * browser open the poller reads nothing and the last snapshot may be old.
	 */
	public Subscription subscribe(Duration interval, Consumer<LiveState> listener) {
		Subscription subscription = new Subscription(interval, listener);
		subscriptions.add(subscription);
		boolean stale = state.snapshot()
			.map(snapshot -> Duration.between(snapshot.readAt(), Instant.now()).toNanos() >= subscription.intervalNanos)
			.orElse(true);
		if (stale) {
			refreshNow();
		}
		return subscription;
	}

	/** Reads now and sends the result to every browser, e.g. after a redemption or a rule change. */
	public void refreshNow() {
		refreshNow(null);
	}

	/**
	 * Reads now and sends the result to every browser with {@code news} (none when null), which each
	 * shows once: one read however many browsers are open.
	 */
	public void refreshNow(String news) {
		ScheduledExecutorService running = executor;
		if (running != null) {
			running.execute(() -> safely(() -> readAndDeliver(true, news)));
		}
	}

	public LiveState state() {
		return state;
	}

	private void tick() {
		if (subscriptions.isEmpty()) {
			return;
		}
		long shortest = subscriptions.stream().mapToLong(s -> s.intervalNanos).min().orElseThrow();
		if (System.nanoTime() - lastReadNanos >= shortest - TOLERANCE_NANOS) {
			readAndDeliver(false, null);
		}
	}

	private void readAndDeliver(boolean everyone, String news) {
		LiveState previous = state;
		LiveState next = read(previous);
		state = next;
		LiveState delivered = news == null ? next : next.withNews(news);
		long now = System.nanoTime();
		lastReadNanos = now;
		boolean outageChanged = previous.outage().isPresent() != next.outage().isPresent();
		for (Subscription subscription : subscriptions) {
			if (everyone || outageChanged
					|| now - subscription.lastDeliveredNanos >= subscription.intervalNanos - TOLERANCE_NANOS) {
				subscription.deliver(delivered, now);
			}
		}
	}

	private LiveState read(LiveState previous) {
		reads.increment();
		try {
			LiveSnapshot snapshot = reader.read();
			if (previous.outage().isPresent()) {
				log.info("Engine reachable again after the outage that began at {}; dashboards updated",
						previous.outage().get().since());
			}
			return new LiveState(Optional.of(snapshot), Optional.empty());
		}
		catch (RuntimeException ex) {
			// any failure of a refresh: the banner shows it, and the next tick tries again
			String reason = ex instanceof DataAccessException dae ? dae.getMostSpecificCause().getMessage() : String.valueOf(ex.getMessage());
			LiveState.Outage outage = previous.outage()
				.map(o -> new LiveState.Outage(o.since(), reason))
				.orElseGet(() -> new LiveState.Outage(java.time.Instant.now(), reason));
			if (previous.outage().isEmpty()) {
				log.warn("Cannot read the views: {}. Open dashboards show a banner and the last data; retrying every refresh",
						reason);
			}
			return new LiveState(previous.snapshot(), Optional.of(outage));
		}
	}

	@Override
	public void start() {
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "dashboard-poller");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(() -> safely(this::tick), 0, 1, TimeUnit.SECONDS);
		log.info("Shared poller started (default refresh {} s, history {})", properties.defaultRefresh().toSeconds(),
				properties.history());
	}

	/** The executor would swallow an exception silently; log it and keep polling. */
	private static void safely(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			log.error("Dashboard refresh failed; the poller keeps running", ex);
		}
	}

	@Override
	public void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
