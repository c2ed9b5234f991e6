package org.casinoloyalty.dashboard.audit.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.casinoloyalty.dashboard.audit.AuditAction;
import org.casinoloyalty.dashboard.audit.AuditCsv;
import org.casinoloyalty.dashboard.audit.AuditTrail;
import org.casinoloyalty.dashboard.audit.StaffAction;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.casinoloyalty.dashboard.ui.CsvDownload;
import org.casinoloyalty.dashboard.ui.Formats;
import org.casinoloyalty.dashboard.ui.MainLayout;
import org.springframework.dao.DataAccessException;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The audit trail, for managers: every sign-in, redemption, refused redemption and threshold change
 * of the last days, filtered by action, person and day, and downloadable as shown. It reads when
 * opened and on "Refresh", not with every snapshot: the trail is for looking back.
 */
@Route(value = "audit", layout = MainLayout.class)
@RolesAllowed(StaffRole.MANAGER_ROLE)
@Menu(order = 6, title = "Audit Trail")
@PageTitle("Audit trail · Casino Loyalty")
class AuditView extends VerticalLayout {

	static final int DAYS = 30;

	static final String ALL_ACTIONS = "All actions";

	final Select<String> actionFilter = new Select<>();

	final TextField staffFilter = new TextField("Staff member");

	final DatePicker dayFilter = new DatePicker("Day (UTC)");

	final Button refresh = new Button("Refresh");

	final Grid<StaffAction> grid = new Grid<>();

	final Paragraph empty = new Paragraph();

	final Anchor csv;

	private final AuditTrail trail;

	private List<StaffAction> rows = List.of();

	AuditView(AuditTrail trail) {
		this.trail = trail;
		setWidthFull();
		add(new H2("Audit trail"));
		add(new Paragraph("What the staff did in the last " + DAYS + " days, newest first: sign-ins (and refused "
				+ "ones), redemptions, refused redemptions, threshold changes. Rows cannot be changed or removed."));

		actionFilter.setLabel("Action");
		actionFilter.setItems(Stream.concat(Stream.of(ALL_ACTIONS), Stream.of(AuditAction.values()).map(AuditAction::label))
			.toList());
		actionFilter.setValue(ALL_ACTIONS);
		actionFilter.addValueChangeListener(event -> applyFilters());
		staffFilter.setClearButtonVisible(true);
		staffFilter.setValueChangeMode(ValueChangeMode.LAZY);
		staffFilter.addValueChangeListener(event -> applyFilters());
		dayFilter.setClearButtonVisible(true);
		dayFilter.addValueChangeListener(event -> applyFilters());
		refresh.addThemeVariants(ButtonVariant.LUMO_SMALL);
		refresh.addClickListener(event -> load());
		csv = CsvDownload.link("staff-actions.csv", grid, AuditCsv::write);
		csv.setId("audit-csv");
		HorizontalLayout filters = new HorizontalLayout(actionFilter, staffFilter, dayFilter, refresh, csv);
		filters.addClassName("audit-filters");
		add(filters);

		grid.setId("audit-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.setHeight("560px");
		grid.addColumn(row -> Formats.dateTime(row.actedAt()) + " UTC").setHeader("When").setAutoWidth(true);
		grid.addColumn(StaffAction::staffUser).setHeader("Staff").setAutoWidth(true);
		grid.addColumn(row -> Optional.ofNullable(row.staffRole()).map(role -> role.toLowerCase(Locale.ROOT)).orElse(""))
			.setHeader("Role")
			.setAutoWidth(true);
		grid.addColumn(row -> row.action().label()).setHeader("Action").setAutoWidth(true);
		grid.addColumn(StaffAction::target).setHeader("Target").setAutoWidth(true);
		grid.addColumn(row -> Optional.ofNullable(row.valueBefore()).orElse("")).setHeader("Before").setAutoWidth(true);
		grid.addColumn(row -> Optional.ofNullable(row.valueAfter()).orElse("")).setHeader("After").setAutoWidth(true);
		empty.addClassName("empty-state");
		add(empty, grid);
	}

	@Override
	protected void onAttach(AttachEvent attachEvent) {
		load();
	}

	private void load() {
		try {
			rows = trail.recent(DAYS);
			applyFilters();
		}
		catch (DataAccessException ex) {
			rows = List.of();
			grid.setItems(rows);
			grid.setVisible(false);
			empty.setVisible(true);
			empty.setText("The audit trail cannot be read now: " + ex.getMostSpecificCause().getMessage()
					+ ". Press Refresh when the database is back.");
		}
	}

	private void applyFilters() {
		String action = actionFilter.getValue();
		String staff = staffFilter.getValue().strip().toLowerCase(Locale.ROOT);
		LocalDate day = dayFilter.getValue();
		List<StaffAction> shown = rows.stream()
			.filter(row -> ALL_ACTIONS.equals(action) || row.action().label().equals(action))
			.filter(row -> staff.isEmpty() || row.staffUser().toLowerCase(Locale.ROOT).contains(staff))
			.filter(row -> day == null || row.actedAt().toLocalDate().equals(day))
			.toList();
		grid.setItems(shown);
		grid.setVisible(!shown.isEmpty());
		empty.setVisible(shown.isEmpty());
		empty.setText(rows.isEmpty() ? "Nothing recorded in the last " + DAYS + " days."
				: "No recorded action matches these filters.");
	}

}
