package org.casinoloyalty.dashboard.offers.ui;

import com.vaadin.flow.component.button.Button;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import org.casinoloyalty.dashboard.live.LiveSnapshot;
import org.casinoloyalty.dashboard.live.Watermark;
import org.casinoloyalty.dashboard.offers.OfferBoard;
import org.casinoloyalty.dashboard.offers.OfferRows;
import org.casinoloyalty.dashboard.offers.OfferStatus;
import org.casinoloyalty.dashboard.offers.OffersLiveQuery;
import org.casinoloyalty.dashboard.offers.WindowCount;
import org.casinoloyalty.dashboard.redemption.RedemptionsLiveQuery;
import org.casinoloyalty.dashboard.redemption.ui.RedeemAction;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.ui.Formats;
import org.casinoloyalty.dashboard.ui.LiveView;
import org.casinoloyalty.dashboard.ui.MemberSearchField;
import org.casinoloyalty.dashboard.ui.PagedRows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Hotel and Drink tabs of the original: the watermark panel with the offers of the last closed
 * window, the members on track in the open window, and the earlier windows in collapsible sections. Each
 * shows its counts at once and its rows a page at a time: the first from the shared snapshot, the rest,
 * and an opened section's, read when a person scrolls or searches.
 */
abstract class OffersTab extends VerticalLayout implements LiveView {

	final Span watermarkText = new Span();

	final Span latestCounts = new Span();

	final Paragraph latestEmpty = new Paragraph();

	final TextField latestSearch = MemberSearchField.create();

	final Grid<OfferBoard.Line> latestGrid;

	final PagedRows<OfferBoard.Line> latestRows;

	final Paragraph progressEmpty = new Paragraph();

	final Span progressTitle = new Span();

	final Span progressCounts = new Span();

	final TextField progressSearch = MemberSearchField.create();

	final Grid<OfferBoard.Progress> progressGrid = new Grid<>();

	final PagedRows<OfferBoard.Progress> progressRows;

	final VerticalLayout earlier = new VerticalLayout();

	private final OfferType type;

	private final RedeemAction redeemAction;

	private final OfferRows rows;

	private final Paragraph rule = new Paragraph();

	/** Earlier sections by window start, kept so an opened section stays open across refreshes. */
	final Map<LocalDateTime, Section> sections = new HashMap<>();

	/** What the paged reads need from the last snapshot shown. */
	private OfferBoard board;

	private LocalDate businessDate;

	OffersTab(OfferType type, RedeemAction redeemAction, OfferRows rows) {
		this.type = type;
		this.redeemAction = redeemAction;
		this.rows = rows;
		addClassName("offers-tab");
		setWidthFull();
		add(new H2(type.names().title()), rule);

		Div panel = new Div();
		panel.addClassName("watermark-panel");
		watermarkText.addClassName("watermark-text");
		latestCounts.addClassName("window-counts");
		latestGrid = offersGrid();
		latestGrid.setId(type.key() + "-latest");
		latestRows = new PagedRows<>(latestGrid, (search, sort, offset, limit) -> board == null || board.latest().isEmpty()
				? List.of()
				: rows.window(type, board.latest().get().counts().windowStart(), businessDate, search, sort, offset, limit));
		latestSearch.addValueChangeListener(event -> latestRows.search(event.getValue()));
		latestEmpty.addClassName("empty-state");
		panel.add(new H3("Last closed window"), watermarkText, latestCounts, latestSearch, latestEmpty, latestGrid);
		add(panel);

		Div live = new Div();
		live.addClassName("progress-panel");
		progressTitle.addClassName("progress-title");
		progressCounts.addClassName("window-counts");
		configureProgressGrid();
		progressRows = new PagedRows<>(progressGrid, (search, sort, offset, limit) -> board == null || board.onTrack().isEmpty()
				? List.of()
				: rows.onTrack(type, board.onTrack().get().windowStart(), board.rule().threshold(), search, sort, offset, limit));
		progressSearch.addValueChangeListener(event -> progressRows.search(event.getValue()));
		progressEmpty.addClassName("empty-state");
		live.add(new H3("Current interval: members on track"), progressTitle, progressCounts, progressSearch, progressEmpty,
				progressGrid);
		add(live);

		earlier.setPadding(false);
		earlier.setSpacing(false);
		add(new H3("Earlier windows"), earlier);
	}

	private Grid<OfferBoard.Line> offersGrid() {
		Grid<OfferBoard.Line> grid = new Grid<>();
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		// A fixed height keeps the grid lazy: only the rows in view are read and get a button.
		grid.setHeight("360px");
		grid.addColumn(line -> line.offer().memberId())
			.setHeader("Member")
			.setKey("memberId")
			.setSortable(true)
			.setAutoWidth(true)
			.setFlexGrow(0);
		grid.addColumn(line -> line.offer().memberName()).setHeader("Name").setKey("memberName").setSortable(true).setAutoWidth(true);
		grid.addColumn(line -> Formats.money(line.offer().qualifyingAmount()))
			.setHeader(type == OfferType.HOTEL ? "Spent" : "Lost")
			.setKey("qualifyingAmount")
			.setSortable(true)
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true);
		grid.addColumn(line -> Formats.count(line.offer().transactionCount()))
			.setHeader("Transactions")
			.setKey("transactionCount")
			.setSortable(true)
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true);
		grid.addColumn(line -> Formats.time(line.offer().lastTransaction()))
			.setHeader("Last transaction (UTC)")
			.setKey("lastTransaction")
			.setSortable(true)
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
		grid.addComponentColumn(line -> line.status() == OfferStatus.PENDING ? redeemButton(grid, line)
				: new Span(line.redemption() == null ? ""
						: "by " + line.redemption().redeemedBy() + ", " + Formats.time(line.redemption().redeemedAt())))
			.setHeader("Redemption")
			.setKey("action")
			.setAutoWidth(true);
		return grid;
	}

	/**
	 * The grid is read again after the click, so a searched, sorted or scrolled grid, which the snapshot
	 * does not refresh, shows the new status too.
	 */
	private Button redeemButton(Grid<OfferBoard.Line> grid, OfferBoard.Line line) {
		Button button = redeemAction.button(line.offer().toRedeem());
		button.addClickListener(event -> grid.getDataProvider().refreshAll());
		return button;
	}

	private void configureProgressGrid() {
		progressGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
		progressGrid.setHeight("320px");
		progressGrid.addColumn(OfferBoard.Progress::memberId)
			.setHeader("Member")
			.setKey("memberId")
			.setSortable(true)
			.setAutoWidth(true)
			.setFlexGrow(0);
		progressGrid.addColumn(OfferBoard.Progress::memberName).setHeader("Name").setKey("memberName").setSortable(true).setAutoWidth(true);
		progressGrid.addColumn(LitRenderer.<OfferBoard.Progress>of("""
				<div class="progress-cell"><vaadin-progress-bar value="${item.fraction}" class="${item.css}"></vaadin-progress-bar>
				<span>${item.text}</span></div>""")
			.withProperty("fraction", OfferBoard.Progress::fraction)
			.withProperty("css", p -> p.qualifies() ? "qualifies" : "")
			.withProperty("text", p -> Formats.money(p.amount()) + " of " + Formats.dollars(p.threshold())
					+ (p.qualifies() ? " · qualifies when the window closes" : "")))
			.setHeader(type == OfferType.HOTEL ? "Spent so far" : "Lost so far")
			.setKey("amount")
			.setSortable(true)
			.setFlexGrow(3);
		progressGrid.addColumn(p -> Formats.count(p.transactionCount()))
			.setHeader("Transactions")
			.setKey("transactionCount")
			.setSortable(true)
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true);
	}

	@Override
	public void show(LiveSnapshot snapshot) {
		board = snapshot.part(OffersLiveQuery.class).board(type);
		businessDate = snapshot.part(RedemptionsLiveQuery.class).businessDate();
		Watermark watermark = board.watermark();
		rule.setText("Members who " + type.names().verb() + " at least " + Formats.dollars(board.rule().threshold())
				+ " in one 5-minute window earn a " + type.names().rewardType() + ". One per customer per day ("
				+ Formats.day(businessDate) + ").");
		showLatest(watermark);
		showProgress(watermark);
		showEarlier(board.earlier());
	}

	private void showLatest(Watermark watermark) {
		if (watermark.current() == null) {
			watermarkText.setText("No events yet: the engine has no watermark.");
		}
		else {
			watermarkText.setText(board.latest()
				.map(w -> Formats.window(w.counts().windowStart(), w.counts().windowEnd()) + " · ")
				.orElse("") + "engine watermark ≈ " + Formats.time(watermark.current()) + " UTC (latest event "
					+ Formats.time(watermark.latestEvent()) + " − 10 s)");
		}
		long offers = board.latest().map(w -> w.counts().offers()).orElse(0L);
		latestCounts.setText(offers == 0 ? "" : counts(board.latest().get().counts()));
		latestRows.show(board.latest().map(OfferBoard.LatestWindow::firstLines).orElse(List.of()));
		latestGrid.setVisible(offers > 0);
		latestSearch.setVisible(offers > 0);
		latestEmpty.setVisible(offers == 0);
		if (board.latest().isEmpty()) {
			latestEmpty.setText(watermark.current() == null
					? "Waiting for the first events from the generator (make inject)."
					: "No window has closed yet: the first window closes when the watermark passes "
							+ Formats.time(watermark.closingWindowEnd()) + " UTC, i.e. with the first event after "
							+ Formats.time(watermark.closingWindowEnd().plus(Watermark.DELAY)) + " UTC (watermark now ≈ "
							+ Formats.time(watermark.current()) + ").");
		}
		else if (offers == 0) {
			latestEmpty.setText("No member " + type.names().verb() + " " + Formats.dollars(board.rule().threshold())
					+ " or more in this window. The next window closes with the first event after "
					+ Formats.time(watermark.closingWindowEnd().plus(Watermark.DELAY)) + " UTC.");
		}
	}

	private static String counts(WindowCount counts) {
		return Formats.count(counts.offers()) + (counts.offers() == 1 ? " offer" : " offers") + " · "
				+ Formats.count(counts.redeemed()) + " redeemed · " + Formats.count(counts.pending()) + " pending";
	}

	private void showProgress(Watermark watermark) {
		LocalDateTime open = watermark.openWindowStart();
		progressTitle.setText(open == null ? ""
				: Formats.window(open, open.plus(Watermark.WINDOW)) + ", closes at about "
						+ Formats.time(watermark.nextCloseAt()) + " UTC (event time)");
		long playing = board.onTrack().map(track -> track.counts().members()).orElse(0L);
		BigDecimal threshold = board.rule().threshold();
		progressCounts.setText(playing == 0 ? ""
				: Formats.count(playing) + (playing == 1 ? " member" : " members") + " playing · "
						+ Formats.count(board.onTrack().get().counts().qualifying()) + " at " + Formats.dollars(threshold)
						+ " or more, ranked by the amount " + type.names().verb());
		progressRows.show(board.onTrack().map(OfferBoard.OnTrack::top).orElse(List.of()));
		progressGrid.setVisible(playing > 0);
		progressSearch.setVisible(playing > 0);
		progressEmpty.setVisible(playing == 0);
		progressEmpty.setText("No bets in the current window yet.");
	}

	private void showEarlier(List<WindowCount> windows) {
		Map<LocalDateTime, Section> kept = new HashMap<>();
		earlier.removeAll();
		if (windows.isEmpty()) {
			Paragraph none = new Paragraph("No earlier window produced an offer yet.");
			none.addClassName("empty-state");
			earlier.add(none);
		}
		for (WindowCount window : windows) {
			Section section = sections.containsKey(window.windowStart()) ? sections.get(window.windowStart())
					: new Section(window.windowStart());
			section.summary.setText(Formats.window(window.windowStart(), window.windowEnd()) + " · " + counts(window));
			kept.put(window.windowStart(), section);
			earlier.add(section.details);
		}
		sections.clear();
		sections.putAll(kept);
	}

	/**
	 * One earlier window: a collapsed summary; its grid is built the first time it is opened, and reads its
	 * offers from the engine, as they were when it was opened or last scrolled.
	 */
	final class Section {

		final Span summary = new Span();

		final Details details = new Details(summary);

		Grid<OfferBoard.Line> grid;

		Section(LocalDateTime windowStart) {
			details.setWidthFull();
			details.addOpenedChangeListener(event -> {
				if (event.isOpened() && grid == null) {
					grid = offersGrid();
					new PagedRows<>(grid, (search, sort, offset, limit) -> rows.window(type, windowStart, businessDate,
							search, sort, offset, limit));
					details.add(grid);
				}
			});
		}

	}

}
