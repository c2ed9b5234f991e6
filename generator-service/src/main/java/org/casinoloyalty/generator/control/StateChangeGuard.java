package org.casinoloyalty.generator.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Lets a {@link ChangesState} call through only when no browser marks it as started by another site
 * and, with an API key configured, when it carries that key. {@code curl} sends neither
 * {@code Sec-Fetch-Site} nor {@code Origin}, so the original's commands pass; a browser sends them on
 * every cross-site request and a page cannot remove them, so an {@code <img src=".../rate/9999">}
 * changes nothing.
 */
@Component
class StateChangeGuard implements HandlerInterceptor {

	static final String API_KEY_HEADER = "X-API-Key";

	private static final Logger log = LoggerFactory.getLogger(StateChangeGuard.class);

	/** Fetch Metadata values of a request the page's own origin started, or the person typed. */
	private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

	private final ControlApiProperties properties;

	StateChangeGuard(ControlApiProperties properties) {
		this.properties = properties;
		log.info(properties.requiresKey()
				? "Control API: state-changing calls need the header " + API_KEY_HEADER + " (CASINO_API_KEY)"
				: "Control API: no API key set (CASINO_API_KEY); state-changing calls from other sites' pages are refused");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(ChangesState.class)) {
			refuseCrossSite(request);
			requireKey(request);
		}
		return true;
	}

	private static void refuseCrossSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null && !OWN_FETCH_SITES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
			throw crossSite("the browser marks this request as started by another site (Sec-Fetch-Site: " + fetchSite + ")");
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null && isForeignOrigin(request)) {
			throw crossSite("the request comes from the page of another origin (Origin: " + origin + ")");
		}
	}

	private void requireKey(HttpServletRequest request) {
		if (!properties.requiresKey()) {
			return;
		}
		String sent = request.getHeader(API_KEY_HEADER);
		if (sent == null || sent.isEmpty()) {
			throw new RefusedRequestException(HttpStatus.UNAUTHORIZED, "api_key_required",
					"this generator needs its API key for calls that change it: send the header " + API_KEY_HEADER);
		}
		if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), properties.apiKey().getBytes(StandardCharsets.UTF_8))) {
			throw new RefusedRequestException(HttpStatus.UNAUTHORIZED, "api_key_invalid",
					"the " + API_KEY_HEADER + " header does not hold this generator's API key");
		}
	}

	/** Spring's own comparison of {@code Origin} with the request's scheme, host and port; unreadable is foreign. */
	private static boolean isForeignOrigin(HttpServletRequest request) {
		try {
			return CorsUtils.isCorsRequest(request);
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

	private static RefusedRequestException crossSite(String why) {
		return new RefusedRequestException(HttpStatus.FORBIDDEN, "cross_site_request",
				why + "; the generator takes changes from a terminal (curl) or its own pages only");
	}

}
