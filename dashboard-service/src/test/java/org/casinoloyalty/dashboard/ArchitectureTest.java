package org.casinoloyalty.dashboard;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** UI → service → data, SQL only in repositories, and no cycles between the features. */
@AnalyzeClasses(packages = "org.casinoloyalty.dashboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule servicesAndDataDoNotKnowTheUi = noClasses().that()
		.resideOutsideOfPackages("..ui..")
		.and()
		.doNotHaveSimpleName("DashboardApplication")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.vaadin.flow.component..", "..dashboard..ui..");

	@ArchTest
	static final ArchRule viewsDoNotTouchTheDatabase = noClasses().that()
		.resideInAPackage("..ui..")
		.should()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Repository")
		.orShould()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..");

	/**
	 * So {@code EngineStatements} (the constants of the repositories) lists every statement sent; the
	 * one other user is {@code make check}'s endpoint, which runs nothing but that list. {@code ReadableRows}
	 * only wraps the repositories' row mappers; it sends nothing.
	 */
	@ArchTest
	static final ArchRule onlyRepositoriesSendSql = noClasses().that()
		.areNotAnnotatedWith(Repository.class)
		.and()
		.doNotHaveSimpleName("EngineCheckEndpoint")
		.and()
		.doNotHaveSimpleName("ReadableRows")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.jdbc.core..");

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("org.casinoloyalty.dashboard.(*)..")
		.should()
		.beFreeOfCycles();

}
