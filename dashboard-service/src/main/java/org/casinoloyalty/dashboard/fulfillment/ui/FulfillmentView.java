package org.casinoloyalty.dashboard.fulfillment.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.casinoloyalty.dashboard.live.LiveSnapshot;
import org.casinoloyalty.dashboard.offers.OfferBoard;
import org.casinoloyalty.dashboard.offers.OfferBoards;
import org.casinoloyalty.dashboard.offers.OffersLiveQuery;
import org.casinoloyalty.dashboard.redemption.Redemption;
import org.casinoloyalty.dashboard.redemption.RedemptionsLiveQuery;
import org.casinoloyalty.dashboard.redemption.ui.RedeemAction;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.ui.Formats;
import org.casinoloyalty.dashboard.ui.LiveView;
import org.casinoloyalty.dashboard.ui.MainLayout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Fulfillment: every offer still awaiting redemption, with its button, and every redemption (who,
 * when, which window), filtered by offer type and business date.
 */
@Route(value = "fulfillment", layout = MainLayout.class)
@PermitAll
@Menu(order = 3, title = "Fulfillment")
@PageTitle("Fulfillment · Casino Loyalty")
class FulfillmentView extends VerticalLayout implements LiveView {

	static final String ALL_TYPES = "All offers";

	final Select<String> typeFilter = new Select<>();

	final DatePicker dateFilter = new DatePicker("Business date");

	final Grid<OfferBoard.Line> pendingGrid = new Grid<>();

	final Grid<Redemption> redeemedGrid = new Grid<>();

	final Paragraph pendingEmpty = new Paragraph();

	final Paragraph redeemedEmpty = new Paragraph();

	private final RedeemAction redeemAction;

	private LiveSnapshot snapshot;

	FulfillmentView(RedeemAction redeemAction) {
		this.redeemAction = redeemAction;
		setWidthFull();
		add(new H2("Fulfillment"));

		typeFilter.setLabel("Offer type");
		List<String> types = new ArrayList<>(List.of(ALL_TYPES));
		Stream.of(OfferType.values()).map(type -> type.names().shortName()).forEach(types::add);
		typeFilter.setItems(types);
		typeFilter.setValue(ALL_TYPES);
		typeFilter.addValueChangeListener(event -> refresh());
		dateFilter.setClearButtonVisible(true);
		dateFilter.setHelperText("Empty: every day shown");
		dateFilter.addValueChangeListener(event -> refresh());
		add(new HorizontalLayout(typeFilter, dateFilter));

		configurePendingGrid();
		pendingEmpty.addClassName("empty-state");
		add(new H3("Awaiting redemption"), pendingEmpty, pendingGrid);

		configureRedeemedGrid();
		redeemedEmpty.addClassName("empty-state");
		add(new H3("Redeemed"), redeemedEmpty, redeemedGrid);
	}

	private void configurePendingGrid() {
		pendingGrid.setId("pending-grid");
		pendingGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		// A fixed height keeps the grid lazy: only the rows in view get a button (memory per browser).
		pendingGrid.setHeight("420px");
		pendingGrid.addColumn(line -> line.offer().type().names().shortName()).setHeader("Offer").setAutoWidth(true);
		pendingGrid.addColumn(line -> line.offer().memberId()).setHeader("Member").setAutoWidth(true).setFlexGrow(0);
		pendingGrid.addColumn(line -> line.offer().memberName()).setHeader("Name").setAutoWidth(true);
		pendingGrid.addColumn(line -> Formats.shortWindow(line.offer().windowStart(), line.offer().windowEnd()))
			.setHeader("Window")
			.setAutoWidth(true);
		pendingGrid
			.addColumn(line -> line.offer().type().names().verb() + " " + Formats.money(line.offer().qualifyingAmount()))
			.setHeader("Qualified by")
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true);
		pendingGrid.addComponentColumn(line -> redeemAction.button(line.offer().toRedeem()))
			.setHeader("")
			.setKey("action")
			.setAutoWidth(true);
	}

	private void configureRedeemedGrid() {
		redeemedGrid.setId("redeemed-grid");
		redeemedGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		redeemedGrid.setHeight("320px");
		redeemedGrid.addColumn(r -> r.offerType().names().shortName()).setHeader("Offer").setAutoWidth(true);
		redeemedGrid.addColumn(Redemption::memberId).setHeader("Member").setAutoWidth(true).setFlexGrow(0);
		redeemedGrid.addColumn(Redemption::memberName).setHeader("Name").setAutoWidth(true);
		redeemedGrid.addColumn(r -> Formats.shortWindow(r.windowStart(), r.windowEnd())).setHeader("Window").setAutoWidth(true);
		redeemedGrid.addColumn(r -> Formats.day(r.redemptionDate())).setHeader("Business date").setAutoWidth(true);
		redeemedGrid.addColumn(r -> Formats.dateTime(r.redeemedAt()) + " UTC").setHeader("Redeemed at").setAutoWidth(true);
		redeemedGrid.addColumn(Redemption::redeemedBy).setHeader("By").setAutoWidth(true);
	}

	@Override
	public void show(LiveSnapshot snapshot) {
		this.snapshot = snapshot;
		refresh();
	}

	private void refresh() {
		if (snapshot == null) {
			return;
		}
		Optional<OfferType> type = Stream.of(OfferType.values())
			.filter(t -> t.names().shortName().equals(typeFilter.getValue()))
			.findFirst();
		LocalDate date = dateFilter.getValue();
		OfferBoards boards = snapshot.part(OffersLiveQuery.class);
		List<OfferBoard.Line> pending = Stream.of(OfferType.values())
			.filter(t -> type.isEmpty() || type.get() == t)
			.flatMap(t -> boards.board(t).pending().stream())
			.filter(line -> date == null || line.offer().windowStart().toLocalDate().equals(date))
			.sorted(Comparator.comparing((OfferBoard.Line line) -> line.offer().windowStart()).reversed())
			.toList();
		List<Redemption> redeemed = snapshot.part(RedemptionsLiveQuery.class)
			.redemptions()
			.stream()
			.filter(r -> type.isEmpty() || r.offerType() == type.get())
			.filter(r -> date == null || r.redemptionDate().equals(date))
			.toList();
		pendingGrid.setItems(pending);
		pendingGrid.setVisible(!pending.isEmpty());
		pendingEmpty.setVisible(pending.isEmpty());
		pendingEmpty.setText("No offer awaits redemption" + (type.isPresent() || date != null ? " for this filter." : ".")
				+ " Offers appear here when a window closes with a member above a threshold.");
		redeemedGrid.setItems(redeemed);
		redeemedGrid.setVisible(!redeemed.isEmpty());
		redeemedEmpty.setVisible(redeemed.isEmpty());
		redeemedEmpty.setText("Nothing redeemed" + (date == null ? " in the last days shown." : " on " + Formats.day(date) + "."));
	}

}
