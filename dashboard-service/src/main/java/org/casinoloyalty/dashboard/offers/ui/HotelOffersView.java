package org.casinoloyalty.dashboard.offers.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import org.casinoloyalty.dashboard.redemption.ui.RedeemAction;
import org.casinoloyalty.dashboard.offers.OfferRows;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.ui.MainLayout;

@Route(value = "hotel", layout = MainLayout.class)
@PermitAll
@Menu(order = 1, title = "Hotel Room Offers")
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Hotel Room Offers · Casino Loyalty")
class HotelOffersView extends OffersTab {

	HotelOffersView(RedeemAction redeemAction, OfferRows rows) {
		super(OfferType.HOTEL, redeemAction, rows);
	}

}
