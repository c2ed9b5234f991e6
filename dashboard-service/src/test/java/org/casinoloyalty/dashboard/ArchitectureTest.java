package org.casinoloyalty.dashboard;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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

	@ArchTest
	static final ArchRule onlyRepositoriesAndTheDialectUseJdbc = noClasses().that()
		.haveSimpleNameNotEndingWith("Repository")
		.and()
		.doNotHaveSimpleName("EngineDialect")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.jdbc.core..");

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("org.casinoloyalty.dashboard.(*)..")
		.should()
		.beFreeOfCycles();

}
