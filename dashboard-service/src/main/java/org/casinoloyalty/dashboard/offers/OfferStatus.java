package org.casinoloyalty.dashboard.offers;

/** Where an offer stands against {@code redeemed_offers} and the one-per-day rule. */
public enum OfferStatus {

	PENDING("Pending"),
	/** This very offer (member, type, window) was redeemed. */
	REDEEMED("Redeemed"),
	/** The member already redeemed an offer of this type today, for another window. */
	DAILY_LIMIT_REACHED("Redeemed today (other window)");

	private final String label;

	OfferStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
