package org.casinoloyalty.generator.control;

import org.springframework.http.HttpStatus;

/** A control call that {@link StateChangeGuard} does not let through; answered as a problem with this status. */
class RefusedRequestException extends RuntimeException {

	private final HttpStatus status;

	private final String error;

	RefusedRequestException(HttpStatus status, String error, String detail) {
		super(detail);
		this.status = status;
		this.error = error;
	}

	HttpStatus status() {
		return status;
	}

	String error() {
		return error;
	}

}
