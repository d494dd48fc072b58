package io.redial.receptionist;

import io.redial.receptionist.reading.Intent;
import io.redial.receptionist.triage.TriageRules;
import io.redial.receptionist.triage.TriageRule;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.leads.LeadDetails;
import org.junit.jupiter.api.Test;

/** The code disposes: a model may raise a text to an emergency, never lower one our rules found. */
class DisposalTests {

    private static final TriageRule GAS = TriageRules.defaults().stream().filter(r -> r.code().equals("gas-smell")).findFirst().orElseThrow();

    @Test
    void aCodeEnforcedEmergencyEscalatesWhateverTheModelProposes() {
        for (Action proposed : Action.values()) {
            assertThat(TurnDisposal.disposed(proposed, GAS, Stage.ASKED_NAME, LeadDetails.NONE)).isEqualTo(Action.ESCALATE);
        }
    }

    @Test
    void theModelMayRaiseAnOrdinaryTextToAnEmergency() {
        assertThat(TurnDisposal.disposed(Action.ESCALATE, null, Stage.ASKED_PROBLEM, LeadDetails.NONE)).isEqualTo(Action.ESCALATE);
    }

    @Test
    void aHandOffKeepsItsReasonOnTheLead() {
        LeadDetails d = TurnDisposal.withReason(LeadDetails.NONE, Intent.BILLING, "why was I charged twice");
        assertThat(d.problem()).isEqualTo("Needs a person (billing): why was I charged twice");
    }
}
