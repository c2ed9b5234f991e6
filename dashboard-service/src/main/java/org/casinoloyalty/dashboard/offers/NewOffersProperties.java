package org.casinoloyalty.dashboard.offers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The dashboard's listener on topic {@code loyalty-offers} (docs/decisions.md D20).
 *
 * @param enabled listen at all (off in tests without a broker)
 * @param topic where the engine hands out offers as their windows close
 * @param groupId the dashboard's own consumer group, apart from every downstream system's
 * @param burst how long after the last offer the listener waits for more before it asks for one refresh: a
 *        window's offers arrive together, and one refresh (one notice) per burst is what every screen needs
 * @param maxBurst the longest a burst is gathered, from its first offer: a steady trickle of offers still
 *        refreshes the screens this often
 */
@Validated
@ConfigurationProperties("casino.dashboard.new-offers")
public record NewOffersProperties(@DefaultValue("true") boolean enabled, @NotBlank @DefaultValue("loyalty-offers") String topic,
		@NotBlank @DefaultValue("casino-dashboard") String groupId, @NotNull @DefaultValue("300ms") Duration burst,
		@NotNull @DefaultValue("3s") Duration maxBurst) {
}
