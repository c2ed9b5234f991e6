package org.casinoloyalty.dashboard.redemption;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.ZoneId;

/**
 * @param businessZone the time zone whose calendar date is the "day" of the one-offer-per-day rule
 * @param historyDays how many business days of redemptions the dashboard shows
 */
@Validated
@ConfigurationProperties("casino.dashboard.redemption")
public record RedemptionProperties(@NotNull ZoneId businessZone, @Positive int historyDays) {
}
