package org.casinoloyalty.generator.simulation;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes {@code transaction_time} as {@code yyyy-MM-dd HH:mm:ss.SSS} (design §2), formatting each
 * distinct time once: a bet and its win share their time, and at high rates so do many plays, and
 * formatting is the dearest step of serialising an event.
 */
final class EventTimeSerializer extends ValueSerializer<LocalDateTime> {

	static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private record Formatted(LocalDateTime time, String text) {
	}

	private volatile Formatted last = new Formatted(LocalDateTime.MIN, FORMAT.format(LocalDateTime.MIN));

	@Override
	public void serialize(LocalDateTime time, JsonGenerator generator, SerializationContext context) {
		Formatted formatted = last;
		if (!formatted.time().equals(time)) {
			formatted = new Formatted(time, FORMAT.format(time));
			last = formatted;
		}
		generator.writeString(formatted.text());
	}

}
