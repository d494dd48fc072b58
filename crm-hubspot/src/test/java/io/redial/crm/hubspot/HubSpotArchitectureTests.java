package io.redial.crm.hubspot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The adapter depends only on core's SPI and vocabulary, the JDK, Spring, and its HTTP/JSON/phone libraries. */
@AnalyzeClasses(packages = "io.redial.crm.hubspot", importOptions = ImportOption.DoNotIncludeTests.class)
class HubSpotArchitectureTests {

    @ArchTest
    static final ArchRule dependsOnlyOnCoreAndItsLibraries = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.redial.crm.hubspot..", "io.redial.crm", "io.redial.shared", "io.redial.leads",
                    "java..", "javax.crypto..",
                    "org.springframework..", "tools.jackson..", "com.fasterxml.jackson.annotation..",
                    "com.google.i18n.phonenumbers..", "org.jspecify.annotations..", "org.slf4j..")
            .because("a CRM adapter translates core's vocabulary and nothing else (STYLE.md, module graph)");

    @ArchTest
    static final ArchRule wireRecordsStayInternal = classes().that().resideInAPackage("io.redial.crm.hubspot.internal..")
            .should().onlyBeAccessed().byClassesThat().resideInAPackage("io.redial.crm.hubspot..");
}
