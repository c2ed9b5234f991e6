package org.casinoloyalty.dashboard.rules;

/**
 * The two loyalty offers of the original. {@code key} is the {@code offer_type} text in
 * {@code offer_rules} and {@code redeemed_offers}; {@code rewardType} is the text the offer views carry.
 */
public enum OfferType {

	HOTEL("hotel", "Hotel Room Offers", "Hotel room", "Complimentary Hotel Room (1 night)", "spent"),
	DRINK("drink", "Drink Offers", "Premium drink", "Complimentary Premium Drink", "lost");

	private final String key;

	private final String title;

	private final String shortName;

	private final String rewardType;

	private final String verb;

	OfferType(String key, String title, String shortName, String rewardType, String verb) {
		this.key = key;
		this.title = title;
		this.shortName = shortName;
		this.rewardType = rewardType;
		this.verb = verb;
	}

	public String key() {
		return key;
	}

	public String title() {
		return title;
	}

	/** "Hotel room" / "Premium drink", for narrow columns and filters. */
	public String shortName() {
		return shortName;
	}

	public String rewardType() {
		return rewardType;
	}

	/** What the member did to qualify: "spent" (hotel) or "lost" (drink). */
	public String verb() {
		return verb;
	}

	public static OfferType fromKey(String key) {
		for (OfferType type : values()) {
			if (type.key.equals(key)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown offer_type '" + key + "' (expected 'hotel' or 'drink')");
	}

}
