package org.casinoloyalty.generator.control;

/** A rate the API refuses; its message names the problem and is shown to the client as is. */
class InvalidRateException extends RuntimeException {

	InvalidRateException(String message) {
		super(message);
	}

}
