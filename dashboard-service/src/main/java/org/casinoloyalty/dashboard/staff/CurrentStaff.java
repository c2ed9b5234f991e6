package org.casinoloyalty.dashboard.staff;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Who is signed in on this request or UI access. Services ask here rather than take a name from the
 * browser, so nobody can act under another's name. It reads the context holder that the role checks
 * read (Vaadin's, which also finds the person from a background thread of their session).
 */
@Component
public class CurrentStaff {

	private final SecurityContextHolderStrategy contexts;

	CurrentStaff(ObjectProvider<SecurityContextHolderStrategy> contexts) {
		this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
	}

	/** @throws AuthenticationCredentialsNotFoundException when nobody is signed in */
	public StaffMember get() {
		Authentication authentication = contexts.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
			throw new AuthenticationCredentialsNotFoundException("Nobody is signed in");
		}
		return new StaffMember(authentication.getName(), StaffRole.of(authentication.getAuthorities()));
	}

}
