package org.casinoloyalty.dashboard.staff;

import org.springframework.security.core.GrantedAuthority;

import java.util.Collection;
import java.util.List;

/**
 * What a signed-in person may do. A host sees every tab and redeems offers; a manager does all a
 * host does, changes the reward thresholds and reads the audit trail.
 */
public enum StaffRole {

	HOST, MANAGER;

	/** The role names for access annotations, which need constants. */
	public static final String HOST_ROLE = "HOST";

	public static final String MANAGER_ROLE = "MANAGER";

	private static final String MANAGER_AUTHORITY = "ROLE_" + MANAGER_ROLE;

	/** The role of a person Spring Security signed in with these authorities ({@link #grantedRoles()}). */
	public static StaffRole of(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).anyMatch(MANAGER_AUTHORITY::equals) ? MANAGER : HOST;
	}

	/** A manager holds the host role too, so every host-only rule lets managers through. */
	public List<String> grantedRoles() {
		return this == MANAGER ? List.of(HOST_ROLE, MANAGER_ROLE) : List.of(HOST_ROLE);
	}

}
