package io.redial.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of DESIGN.md over the whole class path of the app: core depends on no other module,
 * each crm-* only on core, the console never on a crm-*, vendor SDKs only inside their adapter packages.
 */
@AnalyzeClasses(packages = "io.redial",
        importOptions = {ImportOption.DoNotIncludeTests.class, ModuleRulesTests.NoTestJars.class})
class ModuleRulesTests {

    private static final String[] CORE = {"io.redial.calls..", "io.redial.conversations..", "io.redial.receptionist..",
            "io.redial.leads..", "io.redial.insights..", "io.redial.tenants..", "io.redial.shared..", "io.redial.jobs..", "io.redial.crm"};
    private static final String[] CRM_ADAPTERS = {"io.redial.crm.hubspot..", "io.redial.crm.jobber..",
            "io.redial.crm.servicetitan.."};

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.redial.crm.hubspot..", "io.redial.crm.jobber..", "io.redial.crm.servicetitan..",
                    "io.redial.admin..", "io.redial.app..");

    @ArchTest
    static final ArchRule hubspotDependsOnlyOnCore = crmAdapterIsolated("hubspot");
    @ArchTest
    static final ArchRule jobberDependsOnlyOnCore = crmAdapterIsolated("jobber");
    @ArchTest
    static final ArchRule serviceTitanDependsOnlyOnCore = crmAdapterIsolated("servicetitan");

    @ArchTest
    static final ArchRule consoleNeverUsesACrmAdapter = noClasses().that().resideInAPackage("io.redial.admin..")
            .should().dependOnClassesThat().resideInAnyPackage(CRM_ADAPTERS)
            .because("the console reads CRMs through core's CRM-neutral API");

    @ArchTest
    static final ArchRule twilioOnlyInsideTwilioAdapters = noClasses().that().resideOutsideOfPackage("..twilio..")
            .should().dependOnClassesThat().resideInAPackage("com.twilio..");

    @ArchTest
    static final ArchRule langchainOnlyInsideTheReceptionistAdapter = noClasses()
            .that().resideOutsideOfPackage("io.redial.receptionist.langchain4j..")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..");

    private static ArchRule crmAdapterIsolated(String vendor) {
        return noClasses().that().resideInAPackage("io.redial.crm." + vendor + "..")
                .should().dependOnClassesThat().resideInAnyPackage("io.redial.admin..", "io.redial.app..")
                .orShould().dependOnClassesThat().resideInAnyPackage(java.util.Arrays.stream(CRM_ADAPTERS)
                        .filter(p -> !p.contains("." + vendor + ".")).toArray(String[]::new))
                .allowEmptyShould(true) // the adapter is filled in by its own issue
                .because("a crm-* module depends only on connector-core");
    }

    /** Core's test-jar is test code too. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
