package org.casinoloyalty.dashboard.offers.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import org.casinoloyalty.dashboard.live.LiveSnapshot;
import org.casinoloyalty.dashboard.offers.OfferBoard;
import org.casinoloyalty.dashboard.offers.OfferStatus;
import org.casinoloyalty.dashboard.live.Watermark;
import org.casinoloyalty.dashboard.offers.OffersLiveQuery;
import org.casinoloyalty.dashboard.redemption.RedemptionsLiveQuery;
import org.casinoloyalty.dashboard.redemption.ui.RedeemAction;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.ui.Formats;
import org.casinoloyalty.dashboard.ui.LiveView;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Hotel and Drink tabs of the original: the watermark panel with the offers of the last closed
 * window, the members on track in the open window, and the earlier windows in collapsible sections
 * (their grids are built only when opened).
 */
abstract class OffersTab extends VerticalLayout implements LiveView {

	final Span watermarkText = new Span();

	final Paragraph latestEmpty = new Paragraph();

	final Grid<OfferBoard.Line> latestGrid;

	final Paragraph progressEmpty = new Paragraph();

	final Span progressTitle = new Span();

	final Grid<OfferBoard.Progress> progressGrid = new Grid<>();

	final VerticalLayout earlier = new VerticalLayout();

	private final OfferType type;

	private final RedeemAction redeemAction;

	private final Paragraph rule = new Paragraph();

	/** Earlier sections by window start, kept so an opened section stays open across refreshes. */
	final Map<LocalDateTime, Section> sections = new HashMap<>();

	OffersTab(OfferType type, RedeemAction redeemAction) {
		this.type = type;
		this.redeemAction = redeemAction;
		addClassName("offers-tab");
		setWidthFull();
		add(new H2(type.names().title()), rule);

		Div panel = new Div();
		panel.addClassName("watermark-panel");
		watermarkText.addClassName("watermark-text");
		latestGrid = offersGrid();
		latestGrid.setId(type.key() + "-latest");
		latestEmpty.addClassName("empty-state");
		panel.add(new H3("Last closed window"), watermarkText, latestEmpty, latestGrid);
		add(panel);

		Div live = new Div();
		live.addClassName("progress-panel");
		progressTitle.addClassName("progress-title");
		configureProgressGrid();
		progressEmpty.addClassName("empty-state");
		live.add(new H3("Current interval: members on track"), progressTitle, progressEmpty, progressGrid);
		add(live);

		earlier.setPadding(false);
		earlier.setSpacing(false);
		add(new H3("Earlier windows"), earlier);
	}

	private Grid<OfferBoard.Line> offersGrid() {
		Grid<OfferBoard.Line> grid = new Grid<>();
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.setAllRowsVisible(true);
		grid.addColumn(line -> line.offer().memberId()).setHeader("Member").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(line -> line.offer().memberName()).setHeader("Name").setAutoWidth(true);
		grid.addColumn(line -> Formats.money(line.offer().qualifyingAmount()))
			.setHeader(type == OfferType.HOTEL ? "Spent" : "Lost")
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true);
		grid.addColumn(line -> Formats.count(line.offer().transactionCount()))
			.setHeader("Transactions")
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true);
		grid.addColumn(line -> Formats.time(line.offer().lastTransaction()))
			.setHeader("Last transaction (UTC)")
			.setAutoWidth(true);
		grid.addColumn(LitRenderer.<OfferBoard.Line>of("<span class='badge ${item.css}' title='${item.title}'>${item.label}</span>")
			.withProperty("css", line -> line.status().name().toLowerCase())
			.withProperty("label", line -> line.status().label())
			.withProperty("title", line -> line.redemption() == null ? ""
					: "Redeemed " + Formats.dateTime(line.redemption().redeemedAt()) + " UTC by "
							+ line.redemption().redeemedBy()))
			.setHeader("Status")
			.setKey("status")
			.setAutoWidth(true);
		grid.addComponentColumn(line -> line.status() == OfferStatus.PENDING
				? redeemAction.button(line.offer().toRedeem()) : new Span(line.redemption() == null ? ""
						: "by " + line.redemption().redeemedBy() + ", " + Formats.time(line.redemption().redeemedAt())))
			.setHeader("Redemption")
			.setKey("action")
			.setAutoWidth(true);
		return grid;
	}

	private void configureProgressGrid() {
		progressGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
		progressGrid.setAllRowsVisible(true);
		progressGrid.addColumn(OfferBoard.Progress::memberId).setHeader("Member").setAutoWidth(true).setFlexGrow(0);
		progressGrid.addColumn(OfferBoard.Progress::memberName).setHeader("Name").setAutoWidth(true);
		progressGrid.addColumn(LitRenderer.<OfferBoard.Progress>of("""
				<div class="progress-cell"><vaadin-progress-bar value="${item.fraction}" class="${item.css}"></vaadin-progress-bar>
				<span>${item.text}</span></div>""")
			.withProperty("fraction", OfferBoard.Progress::fraction)
			.withProperty("css", p -> p.qualifies() ? "qualifies" : "")
			.withProperty("text", p -> Formats.money(p.amount()) + " of " + Formats.dollars(p.threshold())
					+ (p.qualifies() ? " · qualifies when the window closes" : "")))
			.setHeader(type == OfferType.HOTEL ? "Spent so far" : "Lost so far")
			.setFlexGrow(3);
		progressGrid.addColumn(p -> Formats.count(p.transactionCount()))
			.setHeader("Transactions")
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true);
	}

	@Override
	public void show(LiveSnapshot snapshot) {
		OfferBoard board = snapshot.part(OffersLiveQuery.class).board(type);
		Watermark watermark = board.watermark();
		rule.setText("Members who " + type.names().verb() + " at least " + Formats.dollars(board.rule().threshold())
				+ " in one 5-minute window earn a " + type.names().rewardType() + ". One per customer per day ("
				+ Formats.day(snapshot.part(RedemptionsLiveQuery.class).businessDate()) + ").");
		showLatest(board, watermark);
		showProgress(board, watermark);
		showEarlier(board.earlier());
	}

	private void showLatest(OfferBoard board, Watermark watermark) {
		if (watermark.current() == null) {
			watermarkText.setText("No events yet: the engine has no watermark.");
		}
		else {
			watermarkText.setText(board.latest()
				.map(w -> Formats.window(w.windowStart(), w.windowEnd()) + " · ")
				.orElse("") + "engine watermark ≈ " + Formats.time(watermark.current()) + " UTC (latest event "
					+ Formats.time(watermark.latestEvent()) + " − 10 s)");
		}
		List<OfferBoard.Line> lines = board.latest().map(OfferBoard.WindowOffers::lines).orElse(List.of());
		latestGrid.setItems(lines);
		latestGrid.setVisible(!lines.isEmpty());
		latestEmpty.setVisible(lines.isEmpty());
		if (board.latest().isEmpty()) {
			latestEmpty.setText(watermark.current() == null
					? "Waiting for the first events from the generator (make inject)."
					: "No window has closed yet: the first window closes when the watermark passes "
							+ Formats.time(watermark.closingWindowEnd()) + " UTC, i.e. with the first event after "
							+ Formats.time(watermark.closingWindowEnd().plus(Watermark.DELAY)) + " UTC (watermark now ≈ "
							+ Formats.time(watermark.current()) + ").");
		}
		else if (lines.isEmpty()) {
			latestEmpty.setText("No member " + type.names().verb() + " " + Formats.dollars(board.rule().threshold())
					+ " or more in this window. The next window closes with the first event after "
					+ Formats.time(watermark.closingWindowEnd().plus(Watermark.DELAY)) + " UTC.");
		}
	}

	private void showProgress(OfferBoard board, Watermark watermark) {
		LocalDateTime open = watermark.openWindowStart();
		progressTitle.setText(open == null ? ""
				: Formats.window(open, open.plus(Watermark.WINDOW)) + ", closes at about "
						+ Formats.time(watermark.nextCloseAt()) + " UTC (event time)");
		progressGrid.setItems(board.progress());
		progressGrid.setVisible(!board.progress().isEmpty());
		progressEmpty.setVisible(board.progress().isEmpty());
		progressEmpty.setText("No bets in the current window yet.");
	}

	private void showEarlier(List<OfferBoard.WindowOffers> windows) {
		Map<LocalDateTime, Section> kept = new HashMap<>();
		earlier.removeAll();
		if (windows.isEmpty()) {
			Paragraph none = new Paragraph("No earlier window produced an offer yet.");
			none.addClassName("empty-state");
			earlier.add(none);
		}
		for (OfferBoard.WindowOffers window : windows) {
			Section section = sections.containsKey(window.windowStart()) ? sections.get(window.windowStart())
					: new Section();
			section.show(window);
			kept.put(window.windowStart(), section);
			earlier.add(section.details);
		}
		sections.clear();
		sections.putAll(kept);
	}

	/** One earlier window: a collapsed summary; its grid is built the first time it is opened. */
	final class Section {

		final Span summary = new Span();

		final Details details = new Details(summary);

		Grid<OfferBoard.Line> grid;

		private List<OfferBoard.Line> lines = List.of();

		Section() {
			details.setWidthFull();
			details.addOpenedChangeListener(event -> {
				if (event.isOpened() && grid == null) {
					grid = offersGrid();
					grid.setItems(lines);
					details.add(grid);
				}
			});
		}

		void show(OfferBoard.WindowOffers window) {
			lines = window.lines();
			long pending = lines.stream().filter(line -> line.status() == OfferStatus.PENDING).count();
			summary.setText(Formats.window(window.windowStart(), window.windowEnd()) + " · " + lines.size()
					+ (lines.size() == 1 ? " offer" : " offers") + " · " + pending + " pending");
			if (grid != null) {
				grid.setItems(lines);
			}
		}

	}

}
