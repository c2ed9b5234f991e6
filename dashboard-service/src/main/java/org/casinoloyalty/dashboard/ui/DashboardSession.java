package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import org.casinoloyalty.dashboard.live.LiveProperties;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.time.Duration;

/**
 * What one browser chose in the sidebar: its refresh interval. Who is signed in is Spring
 * Security's to know ({@code StaffMember}), not the browser's.
 */
@Component
@VaadinSessionScope
public class DashboardSession implements Serializable {

	private Duration refresh;

	DashboardSession(LiveProperties properties) {
		this.refresh = properties.defaultRefresh();
	}

	public Duration refresh() {
		return refresh;
	}

	void setRefresh(Duration refresh) {
		this.refresh = refresh;
	}

}
