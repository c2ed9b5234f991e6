package org.casinoloyalty.dashboard.audit;

import org.casinoloyalty.dashboard.staff.StaffMember;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins into the trail, from Spring Security's own events: every refused attempt (the sign-in
 * form and the actuator's basic authentication alike) and every sign-in through the form. The
 * actuator's successful calls are left out: a scraper would fill the trail.
 */
@Component
class SignInAudit {

	private final AuditTrail trail;

	SignInAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		Authentication who = event.getAuthentication();
		trail.recordSignIn(new StaffMember(who.getName(), StaffRole.of(who.getAuthorities())), from(who));
	}

	@EventListener
	void refused(AbstractAuthenticationFailureEvent event) {
		trail.recordRefusedSignIn(event.getAuthentication().getName(),
				from(event.getAuthentication()) + ": " + event.getException().getMessage());
	}

	private static String from(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails web ? "from " + web.getRemoteAddress()
				: "from an unknown address";
	}

}
