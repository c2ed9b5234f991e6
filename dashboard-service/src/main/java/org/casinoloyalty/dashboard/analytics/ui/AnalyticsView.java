package org.casinoloyalty.dashboard.analytics.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.casinoloyalty.dashboard.analytics.AnalyticsSummary;
import org.casinoloyalty.dashboard.analytics.GameStats;
import org.casinoloyalty.dashboard.analytics.AnalyticsLiveQuery;
import org.casinoloyalty.dashboard.live.LiveSnapshot;
import org.casinoloyalty.dashboard.ui.Formats;
import org.casinoloyalty.dashboard.ui.LiveView;
import org.casinoloyalty.dashboard.ui.MainLayout;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Analytics: the casino's overall figures, the realised house edge per game, and offers per window. */
@Route(value = "analytics", layout = MainLayout.class)
@PermitAll
@Menu(order = 4, title = "Analytics")
@PageTitle("Analytics · Casino Loyalty")
class AnalyticsView extends VerticalLayout implements LiveView {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

	final Map<String, Span> figures = new LinkedHashMap<>();

	final Grid<GameStats> games = new Grid<>();

	final ChartCanvas edgeChart = new ChartCanvas();

	final ChartCanvas moneyChart = new ChartCanvas();

	final ChartCanvas offersChart = new ChartCanvas();

	AnalyticsView() {
		setWidthFull();
		add(new H2("Analytics"));
		Div cards = new Div();
		cards.addClassName("figure-cards");
		for (String name : List.of("Members", "Transactions", "Wagered", "Paid out", "House net", "House edge")) {
			Span value = new Span("–");
			value.addClassName("figure-value");
			Span label = new Span(name);
			label.addClassName("figure-label");
			Div card = new Div(label, value);
			card.addClassName("figure-card");
			figures.put(name, value);
			cards.add(card);
		}
		add(cards);

		games.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		games.setAllRowsVisible(true);
		games.addColumn(GameStats::gameType).setHeader("Game").setSortable(true);
		games.addColumn(g -> Formats.count(g.betCount())).setHeader("Bets").setTextAlign(ColumnTextAlign.END);
		games.addColumn(g -> Formats.money(g.totalWagered())).setHeader("Wagered").setTextAlign(ColumnTextAlign.END);
		games.addColumn(g -> Formats.money(g.totalPaidOut())).setHeader("Paid out").setTextAlign(ColumnTextAlign.END);
		games.addColumn(g -> Formats.money(g.houseNet())).setHeader("House net").setTextAlign(ColumnTextAlign.END);
		games.addColumn(g -> Formats.percent(g.houseEdge())).setHeader("Realised house edge").setTextAlign(ColumnTextAlign.END);
		add(new H3("Games"), games);

		Div charts = new Div();
		charts.addClassName("charts");
		for (ChartCanvas chart : List.of(edgeChart, moneyChart, offersChart)) {
			chart.setHeight("260px");
			chart.addClassName("chart");
		}
		charts.add(titled("Realised house edge per game (%)", edgeChart), titled("Wagered and paid out per game ($)", moneyChart),
				titled("Offers per closed window", offersChart));
		add(charts);
	}

	private static Div titled(String title, ChartCanvas chart) {
		Div box = new Div(new H3(title), chart);
		box.addClassName("chart-box");
		return box;
	}

	@Override
	public void show(LiveSnapshot snapshot) {
		AnalyticsSummary summary = snapshot.part(AnalyticsLiveQuery.class);
		figures.get("Members").setText(Formats.count(summary.members()));
		figures.get("Transactions").setText(Formats.count(summary.transactions()));
		figures.get("Wagered").setText(Formats.money(summary.wagered()));
		figures.get("Paid out").setText(Formats.money(summary.paidOut()));
		figures.get("House net").setText(Formats.money(summary.houseNet()));
		figures.get("House edge").setText(Formats.percent(summary.houseEdge()));
		games.setItems(summary.games());

		List<String> gameNames = summary.games().stream().map(GameStats::gameType).toList();
		edgeChart.setConfig(Map.of("type", "bar", "data", Map.of("labels", gameNames, "datasets",
				List.of(dataset("House edge %", summary.games().stream().map(g -> percentOf(g.houseEdge())).toList(), "#1676f3"))),
				"options", Map.of("plugins", Map.of("legend", Map.of("display", false)))));
		moneyChart.setConfig(Map.of("type", "bar", "data", Map.of("labels", gameNames, "datasets",
				List.of(dataset("Wagered", summary.games().stream().map(GameStats::totalWagered).toList(), "#1676f3"),
						dataset("Paid out", summary.games().stream().map(GameStats::totalPaidOut).toList(), "#f0a30a")))));
		List<AnalyticsSummary.WindowOfferCount> windows = summary.offersPerWindow();
		offersChart.setConfig(Map.of("type", "bar", "data", Map.of("labels",
				windows.stream().map(w -> MINUTE.format(w.windowStart())).toList(), "datasets",
				List.of(dataset("Hotel", windows.stream().map(AnalyticsSummary.WindowOfferCount::hotel).toList(), "#7b3fe4"),
						dataset("Drink", windows.stream().map(AnalyticsSummary.WindowOfferCount::drink).toList(), "#16a085"))),
				"options", Map.of("scales", Map.of("x", Map.of("stacked", true), "y",
						Map.of("stacked", true, "ticks", Map.of("precision", 0))))));
	}

	private static Map<String, Object> dataset(String label, List<?> values, String color) {
		return Map.of("label", label, "data", values, "backgroundColor", color);
	}

	private static BigDecimal percentOf(BigDecimal fraction) {
		return fraction == null ? null : fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_EVEN);
	}

}
