package org.casinoloyalty.dashboard.fulfillment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.casinoloyalty.dashboard.live.LiveSnapshot;
import org.casinoloyalty.dashboard.offers.OfferBoard;
import org.casinoloyalty.dashboard.fulfillment.FulfillmentLiveQuery;
import org.casinoloyalty.dashboard.fulfillment.PendingOffers;
import org.casinoloyalty.dashboard.offers.OfferRows;
import org.casinoloyalty.dashboard.offers.OffersLiveQuery;
import org.casinoloyalty.dashboard.redemption.Redemption;
import org.casinoloyalty.dashboard.redemption.RedemptionsLiveQuery;
import org.casinoloyalty.dashboard.redemption.ui.RedeemAction;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.ui.Formats;
import org.casinoloyalty.dashboard.ui.LiveView;
import org.casinoloyalty.dashboard.ui.MemberSearchField;
import org.casinoloyalty.dashboard.ui.PagedRows;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.sql.PagedQuery;
import org.casinoloyalty.dashboard.ui.MainLayout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Fulfillment: every offer still awaiting redemption, with its button, a page at a time, and every
 * redemption (who, when, which window), filtered by offer type and business date.
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

	final TextField pendingSearch = MemberSearchField.create();

	final PagedRows<OfferBoard.Line> pendingRows;

	final Grid<Redemption> redeemedGrid = new Grid<>();

	final Paragraph pendingEmpty = new Paragraph();

	final Span pendingCount = new Span();

	final Paragraph redeemedEmpty = new Paragraph();

	private final RedeemAction redeemAction;

	private final OfferRows rows;

	private LiveSnapshot snapshot;

	FulfillmentView(RedeemAction redeemAction, OfferRows rows) {
		this.redeemAction = redeemAction;
		this.rows = rows;
		setWidthFull();
		add(new H2("Fulfillment"));

		typeFilter.setLabel("Offer type");
		List<String> types = new ArrayList<>(List.of(ALL_TYPES));
		Stream.of(OfferType.values()).map(type -> type.names().shortName()).forEach(types::add);
		typeFilter.setItems(types);
		typeFilter.setValue(ALL_TYPES);
		typeFilter.addValueChangeListener(event -> showFiltered());
		dateFilter.setClearButtonVisible(true);
		dateFilter.setHelperText("Empty: every day shown");
		dateFilter.addValueChangeListener(event -> showFiltered());
		add(new HorizontalLayout(typeFilter, dateFilter));

		configurePendingGrid();
		pendingRows = new PagedRows<>(pendingGrid, (search, sort, offset, limit) -> snapshot == null ? List.of()
				: this.rows.pending(snapshot.part(OffersLiveQuery.class), pending().since(), typeFilter().orElse(null),
						dateFilter.getValue(), pending().businessDate(), search, offset, limit));
		pendingSearch.addValueChangeListener(event -> pendingRows.search(event.getValue()));
		pendingEmpty.addClassName("empty-state");
		pendingCount.addClassName("window-counts");
		add(new H3("Awaiting redemption"), pendingCount, pendingSearch, pendingEmpty, pendingGrid);

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
		// One order, newest window first and highest amount within it: the list pages window by window (OfferRows).
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
		pendingGrid.addComponentColumn(line -> {
				Button button = redeemAction.button(line.offer().toRedeem());
				// a filtered list is not in the snapshot: read again after the click
				button.addClickListener(event -> {
					if (filtered()) {
						showFiltered();
					}
				});
				return button;
			})
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
		if (!filtered()) {
			PendingOffers pending = pending();
			pendingRows.show(pending.firstLines());
			showPending(pending.count() == 0);
		}
		showRedeemed();
	}

	/**
	 * A filter's first rows are not in the snapshot: they are read when the person sets the filter, and
	 * again only when the filter changes or an offer is redeemed here.
	 */
	private void showFiltered() {
		if (snapshot == null) {
			return;
		}
		if (filtered()) {
			List<OfferBoard.Line> first = rows.pending(snapshot.part(OffersLiveQuery.class), pending().since(),
					typeFilter().orElse(null), dateFilter.getValue(), pending().businessDate(), MemberSearch.EVERYONE, 0,
					PagedQuery.FIRST_ROWS);
			pendingRows.show(first);
			showPending(first.isEmpty());
		}
		else {
			show(snapshot);
		}
		showRedeemed();
	}

	private boolean filtered() {
		return typeFilter().isPresent() || dateFilter.getValue() != null;
	}

	private Optional<OfferType> typeFilter() {
		return Stream.of(OfferType.values()).filter(t -> t.names().shortName().equals(typeFilter.getValue())).findFirst();
	}

	private PendingOffers pending() {
		return snapshot.part(FulfillmentLiveQuery.class);
	}

	private void showPending(boolean none) {
		long all = pending().count();
		pendingCount.setText(Formats.count(all) + (all == 1 ? " offer awaits" : " offers await")
				+ " redemption in all, newest window first");
		pendingGrid.setVisible(!none);
		pendingSearch.setVisible(!none);
		pendingEmpty.setVisible(none);
		pendingEmpty.setText("No offer awaits redemption" + (filtered() ? " for this filter." : ".")
				+ " Offers appear here when a window closes with a member above a threshold.");
	}

	private void showRedeemed() {
		Optional<OfferType> type = typeFilter();
		LocalDate date = dateFilter.getValue();
		List<Redemption> redeemed = snapshot.part(RedemptionsLiveQuery.class)
			.redemptions()
			.stream()
			.filter(r -> type.isEmpty() || r.offerType() == type.get())
			.filter(r -> date == null || r.redemptionDate().equals(date))
			.toList();
		redeemedGrid.setItems(redeemed);
		redeemedGrid.setVisible(!redeemed.isEmpty());
		redeemedEmpty.setVisible(redeemed.isEmpty());
		redeemedEmpty.setText("Nothing redeemed" + (date == null ? " in the last days shown." : " on " + Formats.day(date) + "."));
	}

}
