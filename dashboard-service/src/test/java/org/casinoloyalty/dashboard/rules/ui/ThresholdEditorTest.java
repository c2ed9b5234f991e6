package org.casinoloyalty.dashboard.rules.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import org.casinoloyalty.dashboard.TestDatabase;
import org.casinoloyalty.dashboard.ViewTest;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.staff.StaffRole;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules feature's sidebar section, as every tab shows it. */
class ThresholdEditorTest extends ViewTest {

	@Test
	void aChangedThresholdIsStoredInOfferRulesWithItsTime() {
		UI.getCurrent().navigate("hotel");
		ThresholdEditor sidebar = LocatorJ._get(ThresholdEditor.class);
		refreshAndWait(() -> assertThat(sidebar.thresholds.get(OfferType.HOTEL).getValue()).isEqualByComparingTo("5000"));
		assertThat(sidebar.lastChanged.get(OfferType.HOTEL).getText()).isEqualTo("Seeded default, never changed");

		sidebar.thresholds.get(OfferType.HOTEL).setValue(new BigDecimal("7500"));
		sidebar.applyButtons.get(OfferType.HOTEL).click();

		assertThat(TestDatabase.sql().sql("SELECT threshold FROM offer_rules WHERE offer_type = 'hotel'")
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("7500");
		refreshAndWait(() -> assertThat(sidebar.lastChanged.get(OfferType.HOTEL).getText()).startsWith("Last changed"));
		assertThat(TestDatabase.auditRows()).containsExactly("mia MANAGER threshold_change | hotel threshold | 5000 -> 7500");
	}

	@Test
	void aHostSeesTheThresholdsButCannotChangeThem() {
		signInAs("hank", StaffRole.HOST);
		UI.getCurrent().navigate("hotel");
		ThresholdEditor sidebar = LocatorJ._get(ThresholdEditor.class);
		refreshAndWait(() -> assertThat(sidebar.thresholds.get(OfferType.HOTEL).getValue()).isEqualByComparingTo("5000"));

		assertThat(sidebar.thresholds.values()).allSatisfy(field -> assertThat(field.isReadOnly()).isTrue());
		assertThat(sidebar.applyButtons.values()).allSatisfy(button -> assertThat(button.isVisible()).isFalse());
		assertThat(LocatorJ._get(sidebar, Paragraph.class, spec -> spec.withClasses("managers-only")).getText())
			.isEqualTo("Only a manager can change them.");
	}

	@Test
	void anInvalidThresholdIsRefusedWithAReasonAndNotStored() {
		UI.getCurrent().navigate("hotel");
		ThresholdEditor sidebar = LocatorJ._get(ThresholdEditor.class);
		refreshAndWait(() -> assertThat(sidebar.thresholds.get(OfferType.DRINK).getValue()).isNotNull());

		sidebar.thresholds.get(OfferType.DRINK).setValue(new BigDecimal("0.5"));
		sidebar.applyButtons.get(OfferType.DRINK).click();

		assertThat(sidebar.thresholds.get(OfferType.DRINK).isInvalid()).isTrue();
		assertThat(sidebar.thresholds.get(OfferType.DRINK).getErrorMessage()).contains("between $1 and $10,000,000");
		assertThat(TestDatabase.sql().sql("SELECT threshold FROM offer_rules WHERE offer_type = 'drink'")
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("1000");
	}

}
