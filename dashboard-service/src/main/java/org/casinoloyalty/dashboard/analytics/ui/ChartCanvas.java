package org.casinoloyalty.dashboard.analytics.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Chart.js chart (from the WebJar, no paid Vaadin Charts). The custom element in
 * {@code META-INF/resources/js/casino-chart.js} draws the Chart.js configuration set as JSON.
 */
@Tag("casino-chart")
@JavaScript("context://webjars/chart.js/4.5.1/dist/chart.umd.min.js")
@JavaScript("context://js/casino-chart.js")
class ChartCanvas extends Component implements HasSize {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private String config = "";

	/** @param chartJsConfig a Chart.js configuration: {type, data, options} */
	void setConfig(Object chartJsConfig) {
		String json = JSON.writeValueAsString(chartJsConfig);
		if (!json.equals(config)) {
			config = json;
			getElement().setProperty("config", json);
		}
	}

	String config() {
		return config;
	}

}
