package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.casinoloyalty.dashboard.live.DashboardSnapshot;
import org.casinoloyalty.dashboard.live.LiveProperties;
import org.casinoloyalty.dashboard.live.SnapshotPoller;
import org.casinoloyalty.dashboard.rules.OfferRule;
import org.casinoloyalty.dashboard.rules.OfferRuleService;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.springframework.dao.DataAccessException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The original's sidebar: the two thresholds (shared through {@code offer_rules} by every dashboard
 * and by the offer views), this browser's refresh interval and operator name.
 */
class Sidebar extends VerticalLayout {

	static final String OPERATOR_KEY = "casino-loyalty.operator";

	final Map<OfferType, BigDecimalField> thresholds = new EnumMap<>(OfferType.class);

	final Map<OfferType, Button> applyButtons = new EnumMap<>(OfferType.class);

	final Map<OfferType, Span> lastChanged = new EnumMap<>(OfferType.class);

	final IntegerField refresh = new IntegerField("Refresh interval (seconds)");

	final TextField operator = new TextField("Operator name");

	private final DashboardSession session;

	private final OfferRuleService rules;

	private final SnapshotPoller poller;

	private final Map<OfferType, BigDecimal> shownThreshold = new EnumMap<>(OfferType.class);

	Sidebar(DashboardSession session, OfferRuleService rules, SnapshotPoller poller, Consumer<Duration> refreshChanged) {
		this.session = session;
		this.rules = rules;
		this.poller = poller;
		addClassName("sidebar");
		setPadding(true);
		setSpacing(false);

		add(new H3("Reward thresholds"));
		add(new Paragraph("Shared by every dashboard and applied by the offer views to every closed window."));
		for (OfferType type : OfferType.values()) {
			addThreshold(type);
		}

		add(new H3("Refresh"));
		refresh.setMin((int) LiveProperties.MIN_REFRESH.toSeconds());
		refresh.setMax((int) LiveProperties.MAX_REFRESH.toSeconds());
		refresh.setStepButtonsVisible(true);
		refresh.setValue((int) session.refresh().toSeconds());
		refresh.setHelperText("1–60 s, this browser only");
		refresh.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage("Enter whole seconds")
			.setMinErrorMessage("At least 1 second")
			.setMaxErrorMessage("At most 60 seconds"));
		refresh.addValueChangeListener(event -> {
			Integer seconds = event.getValue();
			if (seconds != null && !refresh.isInvalid() && seconds >= 1 && seconds <= 60) {
				refreshChanged.accept(Duration.ofSeconds(seconds));
			}
		});
		add(refresh);

		add(new H3("Operator"));
		operator.setPlaceholder("Your name");
		operator.setMaxLength(100);
		operator.setHelperText("Recorded with each redemption; remembered by this browser");
		operator.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
		operator.addValueChangeListener(event -> {
			session.setOperator(event.getValue());
			if (event.isFromClient()) {
				getElement().executeJs("localStorage.setItem($0, $1)", OPERATOR_KEY, session.operator());
			}
		});
		add(operator);
	}

	private void addThreshold(OfferType type) {
		BigDecimalField field = new BigDecimalField(type == OfferType.HOTEL ? "Hotel room: spent at least ($)"
				: "Premium drink: lost at least ($)");
		field.setId("threshold-" + type.key());
		field.setWidthFull();
		Button apply = new Button("Apply", event -> applyThreshold(type));
		apply.addThemeVariants(ButtonVariant.LUMO_SMALL);
		apply.setId("apply-" + type.key());
		Span changed = new Span();
		changed.addClassName("rule-changed");
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
			Notification.show(type.title() + ": threshold now " + Formats.dollars(field.getValue())
					+ " for every dashboard", 4000, Notification.Position.BOTTOM_START)
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		}
		catch (OfferRuleService.InvalidThresholdException ex) {
			field.setErrorMessage(ex.getMessage());
			field.setInvalid(true);
		}
		catch (DataAccessException | IllegalStateException ex) {
			Notification.show("The threshold was NOT changed: " + ex.getMessage(), 8000, Notification.Position.MIDDLE)
				.addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}

	/** Shows the rules as stored; a field the user is editing (value differs from last shown) is left alone. */
	void show(DashboardSnapshot snapshot) {
		for (OfferType type : OfferType.values()) {
			OfferRule rule = snapshot.rules().get(type);
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

	@Override
	protected void onAttach(AttachEvent attachEvent) {
		if (session.operator().isEmpty()) {
			getElement().executeJs("return localStorage.getItem($0)", OPERATOR_KEY).then(String.class, stored -> {
				if (stored != null && !stored.isBlank() && operator.getValue().isBlank()) {
					operator.setValue(stored);
				}
			});
		}
		else {
			operator.setValue(session.operator());
		}
	}

}
