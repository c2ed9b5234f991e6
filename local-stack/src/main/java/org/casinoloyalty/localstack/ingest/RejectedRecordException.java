package org.casinoloyalty.localstack.ingest;

/** A record that cannot become a {@link Transaction}; the message is the reason sent with it to the dead-letter topic. */
class RejectedRecordException extends RuntimeException {

	RejectedRecordException(String reason) {
		super(reason, null, false, false);
	}

}
