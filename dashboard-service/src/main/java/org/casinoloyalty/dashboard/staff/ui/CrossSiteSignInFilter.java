package org.casinoloyalty.dashboard.staff.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a sign-in that the browser says comes from another site. Vaadin's security configuration
 * exempts the sign-in form from CSRF tokens, so without this a page elsewhere could sign this
 * browser in under an account of its choosing, and the next redemption would carry that name.
 * Browsers mark such requests ({@code Sec-Fetch-Site: cross-site}, or an {@code Origin} that is
 * not this server); a request without either header (a script) is left to the password check.
 */
class CrossSiteSignInFilter extends OncePerRequestFilter {

	private final RequestMatcher signIn;

	CrossSiteSignInFilter(String signInPath) {
		this.signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, signInPath);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !signIn.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (fromAnotherSite(request)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN, "Sign-in from another site refused");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean fromAnotherSite(HttpServletRequest request) {
		if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
			return true;
		}
		// Spring's own comparison of Origin with this request's scheme, host and port; unreadable is foreign
		try {
			return CorsUtils.isCorsRequest(request);
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

}
