package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import org.casinoloyalty.dashboard.live.LiveSnapshot;
import org.casinoloyalty.dashboard.live.LiveProperties;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The original's sidebar: the features' sections (the reward thresholds come from the rules
 * feature), then this browser's refresh interval.
 */
class Sidebar extends VerticalLayout {

	final List<SidebarSection> sections;

	final IntegerField refresh = new IntegerField("Refresh interval (seconds)");

	Sidebar(DashboardSession session, List<SidebarSection> sections, Consumer<Duration> refreshChanged) {
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
	}

	/** Hands each snapshot to the features' sections. */
	void show(LiveSnapshot snapshot) {
		sections.forEach(section -> section.show(snapshot));
	}

}
