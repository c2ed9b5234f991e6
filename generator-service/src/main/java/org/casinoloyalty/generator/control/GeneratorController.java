package org.casinoloyalty.generator.control;

import org.casinoloyalty.generator.publishing.EventPump;
import org.casinoloyalty.generator.publishing.TransactionPublisher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The generator's control API (the original's FastAPI endpoints). */
@RestController
class GeneratorController {

	private final EventPump pump;
	private final TransactionPublisher publisher;

	GeneratorController(EventPump pump, TransactionPublisher publisher) {
		this.pump = pump;
		this.publisher = publisher;
	}

	@GetMapping("/status")
	GeneratorStatus status() {
		return new GeneratorStatus(pump.isPublishing(), pump.rate(), publisher.counters());
	}

	record GeneratorStatus(boolean running, double rate, TransactionPublisher.PublishCounters counters) {
	}

}
