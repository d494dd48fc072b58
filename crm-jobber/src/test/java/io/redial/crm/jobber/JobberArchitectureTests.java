package io.redial.crm.jobber;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The adapter depends only on core's SPI and vocabulary, the JDK, Spring, and its JSON library. */
@AnalyzeClasses(packages = "io.redial.crm.jobber", importOptions = ImportOption.DoNotIncludeTests.class)
class JobberArchitectureTests {

    @ArchTest
    static final ArchRule dependsOnlyOnCoreAndItsLibraries = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.redial.crm.jobber..", "io.redial.crm", "io.redial.shared", "io.redial.leads",
                    "java..", "javax.crypto..",
                    "org.springframework..", "tools.jackson..", "org.jspecify.annotations..", "org.slf4j..")
            .because("a CRM adapter translates core's vocabulary and nothing else (STYLE.md, module graph)");

    @ArchTest
    static final ArchRule wireDetailsStayInternal = classes().that().resideInAPackage("io.redial.crm.jobber.internal..")
            .should().onlyBeAccessed().byClassesThat().resideInAPackage("io.redial.crm.jobber..");
}
