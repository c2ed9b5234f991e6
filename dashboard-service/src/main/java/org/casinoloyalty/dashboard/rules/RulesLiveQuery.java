package org.casinoloyalty.dashboard.rules;

import org.casinoloyalty.dashboard.live.LiveQuery;
import org.casinoloyalty.dashboard.live.LiveRead;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/** The rules part of every refresh: {@code offer_rules}, which the schema seeds with one row per type. */
@Component
public record RulesLiveQuery(OfferRuleRepository repository) implements LiveQuery<OfferRules> {

	@Override
	public OfferRules read(LiveRead read) {
		Map<OfferType, OfferRule> byType = new EnumMap<>(OfferType.class);
		repository.findAll().forEach(rule -> byType.put(rule.type(), rule));
		for (OfferType type : OfferType.values()) {
			if (!byType.containsKey(type)) {
				throw new IllegalStateException("offer_rules has no '" + type.key() + "' row; the schema seeds it");
			}
		}
		return new OfferRules(byType);
	}

}
