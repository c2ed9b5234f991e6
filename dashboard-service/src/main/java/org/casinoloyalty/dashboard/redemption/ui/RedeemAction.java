package org.casinoloyalty.dashboard.redemption.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import org.casinoloyalty.dashboard.live.SnapshotPoller;
import org.casinoloyalty.dashboard.redemption.OfferToRedeem;
import org.casinoloyalty.dashboard.redemption.RedemptionOutcome;
import org.casinoloyalty.dashboard.redemption.RedemptionService;

/**
 * The "Mark as redeemed" button of every tab. Each click asks the database (first insert wins), tells
 * the signed-in host the outcome in words, and asks the poller for fresh data so every open dashboard
 * shows the new status.
 */
@SpringComponent
@UIScope
public class RedeemAction {

	private final RedemptionService redemptions;

	private final SnapshotPoller poller;

	RedeemAction(RedemptionService redemptions, SnapshotPoller poller) {
		this.redemptions = redemptions;
		this.poller = poller;
	}

	public Button button(OfferToRedeem offer) {
		Button button = new Button("Mark as redeemed");
		button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
		button.addClassName("redeem-button");
		button.setDisableOnClick(true);
		button.addClickListener(event -> {
			RedemptionOutcome outcome = redeem(offer);
			if (!(outcome instanceof RedemptionOutcome.Won)) {
				button.setEnabled(true);
			}
		});
		return button;
	}

	public RedemptionOutcome redeem(OfferToRedeem offer) {
		RedemptionOutcome outcome = redemptions.redeem(offer);
		switch (outcome) {
			case RedemptionOutcome.Won won -> notify(won.message(), NotificationVariant.LUMO_SUCCESS, 4000);
			case RedemptionOutcome.AlreadyRedeemed already -> notify(already.message(), NotificationVariant.LUMO_WARNING, 8000);
			case RedemptionOutcome.Failed failed -> notify(failed.message(), NotificationVariant.LUMO_ERROR, 0);
		}
		if (!(outcome instanceof RedemptionOutcome.Failed)) {
			poller.refreshNow();
		}
		return outcome;
	}

	/** A failure stays until the host closes it (duration 0), so it cannot be missed. */
	private static void notify(String message, NotificationVariant variant, int millis) {
		Notification notification = new Notification();
		notification.setDuration(millis);
		// Failures in the middle of the screen; confirmations at the side, out of the way of the grid.
		notification.setPosition(millis == 0 ? Notification.Position.MIDDLE : Notification.Position.BOTTOM_END);
		notification.addThemeVariants(variant);
		notification.addClassName("redemption-outcome");
		notification.add(new Span(message));
		if (millis == 0) {
			Button close = new Button("Close", event -> notification.close());
			close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
			notification.add(close);
		}
		notification.open();
	}

}
