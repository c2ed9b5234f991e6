package org.casinoloyalty.generator.control;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error the API gives is an RFC 9457 problem (application/problem+json) that names the
 * problem: 400 for bad input, 401 and 403 for a change that is not let through, 404 for unknown paths, 405/415 from Spring's own handling, and 500
 * only for our own faults, logged.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidRateException.class)
	ProblemDetail invalidRate(InvalidRateException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid rate");
		problem.setProperty("error", "invalid_rate");
		return problem;
	}

	@ExceptionHandler(RefusedRequestException.class)
	ResponseEntity<ProblemDetail> refused(RefusedRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle("Refused");
		problem.setProperty("error", ex.error());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
		if (ex.status() == HttpStatus.UNAUTHORIZED) {
			// HTTP requires a 401 to name the scheme it wants
			response.header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + StateChangeGuard.API_KEY_HEADER + "\"");
		}
		return response.body(problem);
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error answering a control request", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"the generator failed to answer: " + ex.getClass().getSimpleName() + "; see its log");
		problem.setProperty("error", "internal_error");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"the request body is not valid JSON; send a JSON object like {\"rate\": 10}");
		problem.setTitle("Malformed JSON");
		problem.setProperty("error", "malformed_json");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"no endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath() + "; GET / lists the endpoints");
		problem.setTitle("Not found");
		problem.setProperty("error", "not_found");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
	}

}
