package io.redial.receptionist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Anna's own arrangement: triage stands apart from booking, and the LLM is one more implementation of the same port. */
@AnalyzeClasses(packages = "io.redial.receptionist", importOptions = ImportOption.DoNotIncludeTests.class)
class ReceptionistArchitectureTests {

    @ArchTest
    static final ArchRule triageKnowsNothingOfBooking = noClasses()
            .that().resideInAPackage("io.redial.receptionist.triage..")
            .should().dependOnClassesThat().resideInAPackage("io.redial.receptionist.booking..")
            .because("whether a text is an emergency never depends on the calendar");

    @ArchTest
    static final ArchRule readingKnowsNothingOfTheRest = noClasses()
            .that().resideInAPackage("io.redial.receptionist.reading..")
            .should().dependOnClassesThat().resideInAnyPackage("io.redial.receptionist.booking..",
                    "io.redial.receptionist.escalation..", "io.redial.receptionist.langchain4j..")
            .because("reading a text is pure: it decides nothing");

    @ArchTest
    static final ArchRule everyReceptionistIsBehindTheOnePort = classes()
            .that().implement(ReceptionistAgent.class)
            .should().resideInAnyPackage("io.redial.receptionist", "io.redial.receptionist.langchain4j")
            .because("the LLM and the offline receptionist answer through the same port");

    @ArchTest
    static final ArchRule nothingReachesIntoTheLlmAdapter = noClasses()
            .that().resideOutsideOfPackage("io.redial.receptionist.langchain4j..")
            .should().dependOnClassesThat().resideInAPackage("io.redial.receptionist.langchain4j..")
            .because("the rest of Anna sees the LLM only through ReceptionistAgent and TextEmbeddings");
}
