package org.casinoloyalty.generator.control;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may change the generator through its API.
 *
 * @param apiKey when not blank, the value every state-changing call must send as {@code X-API-Key}
 * ({@code CASINO_API_KEY}); blank, a call from a terminal needs nothing, as in the original
 */
@ConfigurationProperties("casino.generator.control")
record ControlApiProperties(@DefaultValue("") String apiKey) {

	boolean requiresKey() {
		return !apiKey.isBlank();
	}

	@Override
	public String toString() {
		return "ControlApiProperties[apiKey=" + (requiresKey() ? "(set)" : "(none)") + "]";
	}

}
