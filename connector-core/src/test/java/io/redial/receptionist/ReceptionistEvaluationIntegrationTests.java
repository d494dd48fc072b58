package io.redial.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import io.redial.testing.CoreTestApplication;

/**
 * The evaluation suite: every scripted conversation through the real pipeline, with a score table. Offline
 * (the default) it must meet the offline targets; with {@code REDIAL_LLM_BASE_URL} set, the same scripts
 * run against that model, and the guarantees our code gives (escalation, prices) must still hold.
 */
// Own context: the shared scheduler bean cannot restart after Spring pauses a cached context.
@SpringBootTest(classes = CoreTestApplication.class)
@DirtiesContext
class ReceptionistEvaluationIntegrationTests {

    @Autowired ReceptionistEvaluation evaluation;
    @Autowired List<ReceptionistAgent> agents;

    @Test
    void scriptedConversationsMeetTheTargets() {
        List<EvaluationScript> scripts = EvaluationScript.all();
        List<ReceptionistEvaluation.Result> results = scripts.stream().map(evaluation::run).toList();
        boolean llm = agents.stream().anyMatch(a -> !(a instanceof OfflineReceptionist));
        System.out.println(ReceptionistEvaluation.table(results, llm ? "LLM at " + System.getenv("REDIAL_LLM_BASE_URL") : "offline"));
        ReceptionistEvaluation.failures(results).forEach(r -> System.out.println("FAIL " + r.script().id() + " -> " + r.replies()));

        assertThat(scripts).hasSizeGreaterThanOrEqualTo(40);
        assertThat(scripts.stream().map(EvaluationScript::trade).distinct()).containsExactlyInAnyOrder("hvac", "plumbing", "roofing", "electrical");
        assertThat(results).filteredOn(r -> r.script().escalated()).allMatch(ReceptionistEvaluation.Result::escalated);
        assertThat(results).noneMatch(ReceptionistEvaluation.Result::unapprovedPrice);
        if (!llm) {
            assertThat(ReceptionistEvaluation.dispositionShare(results)).isGreaterThanOrEqualTo(0.90);
        }
    }
}
