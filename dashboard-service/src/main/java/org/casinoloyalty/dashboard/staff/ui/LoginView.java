package org.casinoloyalty.dashboard.staff.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.casinoloyalty.dashboard.staff.StaffProperties;

import java.util.stream.Collectors;

/**
 * Staff sign-in. The form posts to Spring Security's {@code /login}; a refused attempt comes back
 * with {@code ?error}. While an account still has the demo's published password, the page says so
 * and names it, which is what a person evaluating the demo needs and a warning to anyone else.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Casino Loyalty")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

	final LoginForm form = new LoginForm();

	final Div demoNotice = new Div();

	LoginView(StaffProperties staff) {
		addClassName("login-view");
		setSizeFull();
		setAlignItems(FlexComponent.Alignment.CENTER);
		setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

		LoginI18n i18n = LoginI18n.createDefault();
		i18n.getForm().setTitle("Casino Loyalty Rewards · staff sign-in");
		i18n.getErrorMessage().setTitle("Not signed in");
		i18n.getErrorMessage().setMessage("The username or password is wrong. The attempt was recorded.");
		form.setI18n(i18n);
		form.setAction("login");
		form.setForgotPasswordButtonVisible(false);

		String demoAccounts = staff.demoAccountsInUse()
			.stream()
			.map(account -> account.username() + " (" + account.role().name().toLowerCase() + ")")
			.collect(Collectors.joining(", "));
		demoNotice.addClassName("demo-credentials");
		demoNotice.add(new Paragraph("Demo accounts, with the passwords published in the README: " + demoAccounts
				+ ". Replace them before anyone else can reach this dashboard (docs/operations.md)."));
		demoNotice.setVisible(!demoAccounts.isEmpty());
		add(form, demoNotice);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
	}

}
