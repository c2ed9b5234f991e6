package org.casinoloyalty.dashboard.rules;

/** The two loyalty offers of the original, each with its {@link Names}. */
public enum OfferType {

	HOTEL(new Names("hotel", "Hotel Room Offers", "Hotel room", "Complimentary Hotel Room (1 night)", "spent")),
	DRINK(new Names("drink", "Drink Offers", "Premium drink", "Complimentary Premium Drink", "lost"));

	/**
	 * What an offer is called in the tables, on screen and in messages.
	 *
	 * @param key the {@code offer_type} text in {@code offer_rules} and {@code redeemed_offers}
	 * @param title the heading of the offer's tab
	 * @param shortName "Hotel room" / "Premium drink", for narrow columns and filters
	 * @param rewardType the text the offer views carry
	 * @param verb what the member did to qualify: "spent" (hotel) or "lost" (drink)
	 */
	public record Names(String key, String title, String shortName, String rewardType, String verb) {
	}

	private final Names names;

	OfferType(Names names) {
		this.names = names;
	}

	public Names names() {
		return names;
	}

	public String key() {
		return names.key();
	}

	public static OfferType fromKey(String key) {
		for (OfferType type : values()) {
			if (type.key().equals(key)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown offer_type '" + key + "' (expected 'hotel' or 'drink')");
	}

}
