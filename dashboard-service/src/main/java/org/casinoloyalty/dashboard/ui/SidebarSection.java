package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A feature's part of the sidebar: a prototype-scoped Spring bean (one per browser), placed by its
 * {@code @Order} and shown every snapshot. The layout finds the sections by this type; it lists none.
 */
public abstract class SidebarSection extends VerticalLayout implements LiveView {

	protected SidebarSection() {
		setPadding(false);
		setSpacing(false);
	}

}
