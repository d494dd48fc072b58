package io.redial.crm.servicetitan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The adapter depends only on core's SPI and vocabulary, the JDK, Spring, and its HTTP/JSON libraries. */
@AnalyzeClasses(packages = "io.redial.crm.servicetitan", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceTitanArchitectureTests {

    @ArchTest
    static final ArchRule dependsOnlyOnCoreAndItsLibraries = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.redial.crm.servicetitan..", "io.redial.crm", "io.redial.shared", "io.redial.leads",
                    "java..", "org.springframework..", "tools.jackson..", "com.fasterxml.jackson.annotation..",
                    "org.jspecify.annotations..", "org.slf4j..")
            .because("a CRM adapter translates core's vocabulary and nothing else (STYLE.md, module graph)");

    @ArchTest
    static final ArchRule wireRecordsStayInternal = classes().that().resideInAPackage("io.redial.crm.servicetitan.internal..")
            .should().onlyBeAccessed().byClassesThat().resideInAPackage("io.redial.crm.servicetitan..");
}
