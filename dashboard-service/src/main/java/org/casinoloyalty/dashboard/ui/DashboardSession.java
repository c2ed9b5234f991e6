package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import org.casinoloyalty.dashboard.live.LiveProperties;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.time.Duration;

/**
 * What one browser chose in the sidebar: its operator name (also kept in the browser's local
 * storage, so it survives a reload) and its refresh interval.
 */
@Component
@VaadinSessionScope
public class DashboardSession implements Serializable {

	private String operator = "";

	private Duration refresh;

	DashboardSession(LiveProperties properties) {
		this.refresh = properties.defaultRefresh();
	}

	public String operator() {
		return operator;
	}

	void setOperator(String operator) {
		this.operator = operator == null ? "" : operator.strip();
	}

	public Duration refresh() {
		return refresh;
	}

	void setRefresh(Duration refresh) {
		this.refresh = refresh;
	}

}
