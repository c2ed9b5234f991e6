package org.casinoloyalty.generator.publishing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/**
 * Prometheus metrics of the publishing path: {@code casino_generator_records_total{outcome=sent|acknowledged|failed}},
 * {@code casino_generator_heartbeats_total}, {@code casino_generator_rate_measured_events_per_second},
 * {@code casino_generator_rate_set_events_per_second} and {@code casino_generator_running}.
 */
@Component
class PublishingMetrics implements MeterBinder {

	private final TransactionPublisher publisher;
	private final EventPump pump;

	PublishingMetrics(TransactionPublisher publisher, EventPump pump) {
		this.publisher = publisher;
		this.pump = pump;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		records(registry, "sent", p -> p.counters().sent());
		records(registry, "acknowledged", p -> p.counters().acknowledged());
		records(registry, "failed", p -> p.counters().failed());
		FunctionCounter.builder("casino.generator.heartbeats", publisher, p -> p.counters().heartbeats())
			.description("Heartbeat records sent to move the watermark while play is stopped or slow")
			.register(registry);
		Gauge.builder("casino.generator.rate.measured", pump, EventPump::measuredRate)
			.description("Play events acknowledged per second over the last 10 s")
			.baseUnit("events.per.second")
			.register(registry);
		Gauge.builder("casino.generator.rate.set", pump, EventPump::rate)
			.description("The rate the generator is set to")
			.baseUnit("events.per.second")
			.register(registry);
		Gauge.builder("casino.generator.running", pump, p -> p.isPublishing() ? 1 : 0)
			.description("1 while play events are being published")
			.register(registry);
	}

	private void records(MeterRegistry registry, String outcome, ToDoubleFunction<TransactionPublisher> count) {
		FunctionCounter.builder("casino.generator.records", publisher, count)
			.description("Records handed to the producer (sent), acknowledged by the broker, or failed")
			.tag("outcome", outcome)
			.register(registry);
	}

}
