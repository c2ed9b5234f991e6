package org.casinoloyalty.dashboard;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://css/dashboard.css")
public class DashboardApplication implements AppShellConfigurator {

	public static void main(String[] args) {
		SpringApplication.run(DashboardApplication.class, args);
	}

	/** Server time, used for redemption timestamps and the business date only, never for the watermark. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Override
	public void configurePage(AppShellSettings settings) {
		settings.setPageTitle("Casino Loyalty Rewards");
	}

}
