package org.casinoloyalty.dashboard.audit;

import java.util.Locale;

/** The kinds of rows in {@code staff_actions}; {@link #key()} is what the column holds. */
public enum AuditAction {

	SIGN_IN, SIGN_IN_FAILURE, REDEEM, REDEEM_REFUSED, THRESHOLD_CHANGE;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return switch (this) {
			case SIGN_IN -> "Signed in";
			case SIGN_IN_FAILURE -> "Sign-in failed";
			case REDEEM -> "Redeemed";
			case REDEEM_REFUSED -> "Redemption refused";
			case THRESHOLD_CHANGE -> "Threshold changed";
		};
	}

	static AuditAction fromKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}

}
