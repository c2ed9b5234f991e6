package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.casinoloyalty.dashboard.live.LiveSnapshot;
import org.casinoloyalty.dashboard.live.LiveProperties;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The original's sidebar: the features' sections (the reward thresholds come from the rules
 * feature), then this browser's refresh interval and operator name.
 */
class Sidebar extends VerticalLayout {

	static final String OPERATOR_KEY = "casino-loyalty.operator";

	final List<SidebarSection> sections;

	final IntegerField refresh = new IntegerField("Refresh interval (seconds)");

	final TextField operator = new TextField("Operator name");

	private final DashboardSession session;

	Sidebar(DashboardSession session, List<SidebarSection> sections, Consumer<Duration> refreshChanged) {
		this.session = session;
		this.sections = List.copyOf(sections);
		addClassName("sidebar");
		setPadding(true);
		setSpacing(false);
		this.sections.forEach(this::add);

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

	/** Hands each snapshot to the features' sections. */
	void show(LiveSnapshot snapshot) {
		sections.forEach(section -> section.show(snapshot));
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
