package org.casinoloyalty.dashboard.rules;

import java.util.Map;

/** The rules in force, one per offer type. */
public record OfferRules(Map<OfferType, OfferRule> byType) {

	public OfferRules {
		byType = Map.copyOf(byType);
	}

	public OfferRule get(OfferType type) {
		return byType.get(type);
	}

}
