package org.casinoloyalty.dashboard;

import org.casinoloyalty.dashboard.offers.OfferRows;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring test of the dashboard against {@link TestDatabase}, emptied before each test, with
 * nobody signed in until a test signs someone in. No broker: the listener on loyalty-offers is off
 * ({@code NewOffersListenerTest} turns it on against an embedded one).
 */
@SpringBootTest(properties = "casino.dashboard.new-offers.enabled=false")
public abstract class DatabaseTest {

	/**
	 * The context holder of this test's application context: each context has its own (Vaadin's),
	 * and the role checks read that one, not whichever the last context made global.
	 */
	@Autowired
	protected SecurityContextHolderStrategy securityContexts;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	private OfferRows offerRows;

	@BeforeEach
	void emptyDatabase() {
		TestDatabase.reset();
		// the same window times come back in every test: counts of closed windows must not carry over
		offerRows.forgetCounts();
	}

	@AfterEach
	void signOut() {
		securityContexts.clearContext();
	}

	/** Signed in on the calling thread as after the sign-in form: the same roles, so role checks run as in production. */
	protected void signInAs(String username, StaffRole role) {
		securityContexts.setContext(new SecurityContextImpl(token(username, role)));
	}

	protected static UsernamePasswordAuthenticationToken token(String username, StaffRole role) {
		return UsernamePasswordAuthenticationToken.authenticated(username, null,
				role.grantedRoles().stream().map(name -> new SimpleGrantedAuthority("ROLE_" + name)).toList());
	}

}
