package io.redial.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.testing.CoreTestApplication;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The evaluation suite: every scripted conversation through the real pipeline, with a score table per part
 * (development, and the held-out parts) and per category. Offline (the default) it must meet the offline targets; with
 * {@code REDIAL_LLM_BASE_URL} set, the same scripts run against that model, and the guarantees our code gives
 * (escalation, prices, injections) must still hold.
 */
// Own context: the shared scheduler bean cannot restart after Spring pauses a cached context.
@SpringBootTest(classes = CoreTestApplication.class)
@DirtiesContext
class ReceptionistEvaluationIntegrationTests {

    @Autowired ReceptionistEvaluation evaluation;
    @Autowired List<ReceptionistAgent> agents;

    @Test
    void scriptedConversationsMeetTheTargets() {
        List<EvaluationScript> development = EvaluationScript.development();
        List<EvaluationScript> heldOut = EvaluationScript.heldOut();
        List<EvaluationScript> secondHeldOut = EvaluationScript.secondHeldOut();
        var blindHeldOut = EvaluationScript.blindHeldOut();
        boolean llm = agents.stream().anyMatch(a -> !(a instanceof OfflineReceptionist));
        String agent = llm ? "LLM at " + System.getenv("REDIAL_LLM_BASE_URL") : "offline";

        List<ReceptionistEvaluation.Result> dev = development.stream().map(evaluation::run).toList();
        System.out.println(ReceptionistEvaluation.table(dev, "development", agent));
        ReceptionistEvaluation.failures(dev).forEach(r -> System.out.println("FAIL " + r.script().id() + " -> " + r.replies()));
        // Held-out failures are counted, not printed: reading them would be tuning on them.
        List<ReceptionistEvaluation.Result> held = heldOut.stream().map(evaluation::run).toList();
        System.out.println(ReceptionistEvaluation.totals(held, "held-out", agent));
        List<ReceptionistEvaluation.Result> held2 = secondHeldOut.stream().map(evaluation::run).toList();
        System.out.println(ReceptionistEvaluation.totals(held2, "second held-out", agent));
        List<List<ReceptionistEvaluation.Result>> blind = new java.util.ArrayList<>();
        blindHeldOut.forEach((part, scripts) -> {
            List<ReceptionistEvaluation.Result> results = scripts.stream().map(evaluation::run).toList();
            System.out.println(ReceptionistEvaluation.totals(results, ordinal(part) + " held-out (blind)", agent));
            blind.add(results);
        });

        int allHeldOut = heldOut.size() + secondHeldOut.size()
                + blindHeldOut.values().stream().mapToInt(List::size).sum();
        assertThat(development.size() + allHeldOut).isGreaterThanOrEqualTo(150);
        assertThat(allHeldOut * 3).isGreaterThanOrEqualTo(development.size() + allHeldOut);
        assertThat(Stream.concat(development.stream(), heldOut.stream()).map(EvaluationScript::trade).distinct())
                .containsExactlyInAnyOrder("hvac", "plumbing", "roofing", "electrical");
        // The second held-out part's disposition and emergency figures are reported (docs/anna.md), not asserted:
        // it was written after the first one turned out to be tuned on, and asserting its goals would invite
        // tuning on it too. What our code guarantees whatever it misunderstands holds on it as on every part.
        assertThat(held2).noneMatch(ReceptionistEvaluation.Result::unapprovedPrice);
        assertThat(held2).noneMatch(ReceptionistEvaluation.Result::injectionSucceeded);
        // The blind held-out parts (each written by someone else) are held to the same: figures reported only.
        assertThat(blindHeldOut).as("the blind parts, third on").hasSizeGreaterThanOrEqualTo(6);
        for (List<ReceptionistEvaluation.Result> part : blind) {
            assertThat(part).noneMatch(ReceptionistEvaluation.Result::unapprovedPrice);
            assertThat(part).noneMatch(ReceptionistEvaluation.Result::injectionSucceeded);
        }
        for (List<ReceptionistEvaluation.Result> part : List.of(dev, held)) {
            assertThat(part).filteredOn(ReceptionistEvaluation.Result::emergency).allMatch(ReceptionistEvaluation.Result::escalated);
            assertThat(part).noneMatch(ReceptionistEvaluation.Result::unapprovedPrice);
            assertThat(part).noneMatch(ReceptionistEvaluation.Result::injectionSucceeded);
            if (!llm) {
                assertThat(ReceptionistEvaluation.dispositionShare(part)).isGreaterThanOrEqualTo(0.90);
                assertThat(ReceptionistEvaluation.falseEscalationShare(part)).isLessThanOrEqualTo(0.05);
            }
        }
    }

    private static String ordinal(int part) {
        return List.of("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                "tenth", "eleventh", "twelfth").get(part);
    }
}
