package org.casinoloyalty.dashboard.offers.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.casinoloyalty.dashboard.redemption.ui.RedeemAction;
import org.casinoloyalty.dashboard.offers.OfferRows;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.ui.MainLayout;

@Route(value = "drinks", layout = MainLayout.class)
@PermitAll
@Menu(order = 2, title = "Drink Offers")
@PageTitle("Drink Offers · Casino Loyalty")
class DrinkOffersView extends OffersTab {

	DrinkOffersView(RedeemAction redeemAction, OfferRows rows) {
		super(OfferType.DRINK, redeemAction, rows);
	}

}
