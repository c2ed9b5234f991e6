package org.casinoloyalty.dashboard.rules.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.casinoloyalty.dashboard.live.LiveSnapshot;
import org.casinoloyalty.dashboard.live.SnapshotPoller;
import org.casinoloyalty.dashboard.rules.OfferRule;
import org.casinoloyalty.dashboard.rules.OfferRuleService;
import org.casinoloyalty.dashboard.rules.OfferRules;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.rules.RulesLiveQuery;
import org.casinoloyalty.dashboard.ui.Formats;
import org.casinoloyalty.dashboard.ui.SidebarSection;
import org.casinoloyalty.dashboard.staff.CurrentStaff;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The sidebar's reward thresholds, shared through {@code offer_rules} by every dashboard and by the
 * offer views themselves.
 */
@SpringComponent
@Scope("prototype")
@Order(0)
public class ThresholdEditor extends SidebarSection {

	final Map<OfferType, BigDecimalField> thresholds = new EnumMap<>(OfferType.class);

	final Map<OfferType, Button> applyButtons = new EnumMap<>(OfferType.class);

	final Map<OfferType, Span> lastChanged = new EnumMap<>(OfferType.class);

	private final OfferRuleService rules;

	private final SnapshotPoller poller;

	private final Map<OfferType, BigDecimal> shownThreshold = new EnumMap<>(OfferType.class);

	ThresholdEditor(OfferRuleService rules, SnapshotPoller poller, CurrentStaff signedIn) {
		this.rules = rules;
		this.poller = poller;
		add(new H3("Reward thresholds"));
		add(new Paragraph("Shared by every dashboard and applied by the offer views to every closed window."));
		// Hosts see the thresholds; the service itself refuses their changes, this only spares them the try.
		boolean manager = signedIn.get().role() == StaffRole.MANAGER;
		for (OfferType type : OfferType.values()) {
			addThreshold(type, manager);
		}
		if (!manager) {
			Paragraph managersOnly = new Paragraph("Only a manager can change them.");
			managersOnly.addClassName("managers-only");
			add(managersOnly);
		}
	}

	private void addThreshold(OfferType type, boolean editable) {
		BigDecimalField field = new BigDecimalField(type == OfferType.HOTEL ? "Hotel room: spent at least ($)"
				: "Premium drink: lost at least ($)");
		field.setId("threshold-" + type.key());
		field.setWidthFull();
		Button apply = new Button("Apply", event -> applyThreshold(type));
		apply.addThemeVariants(ButtonVariant.LUMO_SMALL);
		apply.setId("apply-" + type.key());
		Span changed = new Span();
		changed.addClassName("rule-changed");
		field.setReadOnly(!editable);
		apply.setVisible(editable);
		thresholds.put(type, field);
		applyButtons.put(type, apply);
		lastChanged.put(type, changed);
		add(field, apply, changed);
	}

	private void applyThreshold(OfferType type) {
		BigDecimalField field = thresholds.get(type);
		try {
			rules.changeThreshold(type, field.getValue());
			field.setInvalid(false);
			shownThreshold.put(type, field.getValue());
			poller.refreshNow();
			Notification.show(type.names().title() + ": threshold now " + Formats.dollars(field.getValue())
					+ " for every dashboard", 4000, Notification.Position.BOTTOM_START)
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		}
		catch (OfferRuleService.InvalidThresholdException ex) {
			field.setErrorMessage(ex.getMessage());
			field.setInvalid(true);
		}
		catch (OfferRuleService.UnconfirmedChangeException ex) {
			poller.refreshNow();
			Notification.show(ex.getMessage(), 10000, Notification.Position.MIDDLE)
				.addThemeVariants(NotificationVariant.LUMO_WARNING);
		}
		catch (DataAccessException | IllegalStateException | AuthorizationDeniedException ex) {
			Notification.show("The threshold was NOT changed: " + ex.getMessage(), 8000, Notification.Position.MIDDLE)
				.addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}

	/** Shows the rules as stored; a field the user is editing (value differs from last shown) is left alone. */
	@Override
	public void show(LiveSnapshot snapshot) {
		OfferRules stored = snapshot.part(RulesLiveQuery.class);
		for (OfferType type : OfferType.values()) {
			OfferRule rule = stored.get(type);
			BigDecimalField field = thresholds.get(type);
			BigDecimal previous = shownThreshold.get(type);
			boolean untouched = previous == null || (field.getValue() != null && field.getValue().compareTo(previous) == 0);
			if (untouched && !field.isInvalid()) {
				field.setValue(rule.threshold().stripTrailingZeros().scale() < 0 ? rule.threshold().setScale(0)
						: rule.threshold().stripTrailingZeros());
				shownThreshold.put(type, field.getValue());
			}
			lastChanged.get(type).setText(rule.updatedAt() == null ? "Seeded default, never changed"
					: "Last changed " + Formats.dateTime(rule.updatedAt()) + " UTC");
		}
	}

}
