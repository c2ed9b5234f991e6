package org.casinoloyalty.localstack.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A record that cannot be parsed, as the dead-letter topic gets it: original key, value and headers,
 * plus the reason and the record's origin as UTF-8 text headers. It is written to the outbox in the
 * transaction of the batch that read it (D21), so a batch retried after a database failure sends it
 * once, and a broker that will not take it never holds up ingestion.
 */
record DeadLetter(byte[] key, byte[] value, List<String> headerNames, List<byte[]> headerValues) {

	static final String REASON = "dlt-reason";
	static final String ORIGINAL_TOPIC = "dlt-original-topic";
	static final String ORIGINAL_PARTITION = "dlt-original-partition";
	static final String ORIGINAL_OFFSET = "dlt-original-offset";

	static DeadLetter of(ConsumerRecord<byte[], byte[]> record, String reason) {
		List<String> names = new ArrayList<>();
		List<byte[]> values = new ArrayList<>();
		for (Header header : record.headers()) {
			names.add(header.key());
			values.add(header.value());
		}
		names.addAll(List.of(REASON, ORIGINAL_TOPIC, ORIGINAL_PARTITION, ORIGINAL_OFFSET));
		values.addAll(List.of(utf8(reason), utf8(record.topic()), utf8(String.valueOf(record.partition())),
				utf8(String.valueOf(record.offset()))));
		return new DeadLetter(record.key(), record.value(), names, values);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
