package io.redial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Core's own rules (DESIGN, "Modules"): vendor SDKs stay in their adapter packages; core names no adapter. */
@AnalyzeClasses(packages = "io.redial", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule twilioOnlyInTwilioAdapters = noClasses()
            .that().resideOutsideOfPackage("..twilio..")
            .should().dependOnClassesThat().resideInAPackage("com.twilio..")
            .because("the Twilio SDK stays inside its adapter packages");

    @ArchTest
    static final ArchRule langchainOnlyInReceptionistAdapter = noClasses()
            .that().resideOutsideOfPackage("io.redial.receptionist.langchain4j..")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
            .because("the LLM library stays inside the receptionist adapter");

    @ArchTest
    static final ArchRule coreNamesNoOtherModule = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.redial.crm.hubspot..", "io.redial.crm.jobber..", "io.redial.crm.servicetitan..",
                    "io.redial.admin..", "io.redial.app..")
            .because("connector-core depends on no other module");

    @ArchTest
    static final ArchRule moduleRootsStayOffTheirAdapters = noClasses()
            .that().resideInAnyPackage("io.redial.calls", "io.redial.conversations", "io.redial.tenants", "io.redial.lines")
            .should().dependOnClassesThat().resideInAnyPackage("..twilio..", "..sandbox..")
            .because("a module's API never reaches into its own adapters");
}
