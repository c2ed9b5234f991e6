package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The search box above each paged grid of members: an id, or part of a name. */
public final class MemberSearchField {

	private MemberSearchField() {
	}

	public static TextField create() {
		TextField field = new TextField();
		field.setPlaceholder("Member id or name");
		field.setAriaLabel("Find a member by id or name");
		field.setPrefixComponent(VaadinIcon.SEARCH.create());
		field.setClearButtonVisible(true);
		field.setMaxLength(100);
		// One read when typing pauses, not one per key.
		field.setValueChangeMode(ValueChangeMode.LAZY);
		field.addClassName("member-search");
		return field;
	}

}
