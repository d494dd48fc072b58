package io.redial.receptionist.escalation;

import io.redial.receptionist.ConversationState;
import io.redial.receptionist.ConversationStates;
import io.redial.receptionist.Stage;

import io.redial.conversations.Conversations;
import io.redial.conversations.OutboundTexts;
import io.redial.conversations.TranscriptLine;
import io.redial.leads.Lead;
import io.redial.leads.LeadDetails;
import io.redial.leads.LeadStatus;
import io.redial.leads.Leads;
import io.redial.shared.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person in the console takes a conversation (Anna pauses), replies, and may hand it back: Anna then
 * resumes with a summary of what is known and what the person last said.
 */
@Service
public class HumanTakeover {

    private final Conversations conversations;
    private final ConversationStates states;
    private final Leads leads;
    private final OutboundTexts texts;

    HumanTakeover(Conversations conversations, ConversationStates states, Leads leads, OutboundTexts texts) {
        this.conversations = conversations;
        this.states = states;
        this.leads = leads;
        this.texts = texts;
    }

    @Transactional
    public void takeOver(TenantId tenant, long conversationId) {
        conversations.setHandledByHuman(tenant, conversationId, true);
    }

    /** A person's reply from the console: sent as purpose "staff", and Anna pauses for this conversation. */
    @Transactional
    public void reply(TenantId tenant, long conversationId, String body) {
        var c = conversations.find(tenant, conversationId).orElseThrow();
        conversations.setHandledByHuman(tenant, conversationId, true);
        texts.queue(new OutboundTexts.Request(tenant, conversationId, null, "staff", "staff:" + UUID.randomUUID(),
                c.line(), c.caller(), body, OutboundTexts.CONVERSATION));
    }

    /** Anna resumes; @return the summary she resumes with */
    @Transactional
    public String handBack(TenantId tenant, long conversationId) {
        var c = conversations.find(tenant, conversationId).orElseThrow();
        Lead lead = leads.openFor(tenant, c.callerId()).orElse(null);
        LeadDetails d = lead == null ? LeadDetails.NONE : lead.details();
        List<TranscriptLine> lines = conversations.transcript(tenant, conversationId);
        String lastStaff = lines.reversed().stream().filter(l -> l.author().equals("staff")).map(TranscriptLine::body)
                .findFirst().orElse("none");
        String summary = "Handed back by staff. Name: " + orUnknown(d.callerName()) + "; address: "
                + orUnknown(d.serviceAddress()) + "; problem: " + orUnknown(d.problem()) + "; last staff message: " + lastStaff;
        var state = states.find(tenant, conversationId);
        Stage stage = state.stage() == Stage.HANDED_OFF || state.stage() == Stage.OPEN ? Stage.nextQuestion(d) : state.stage();
        states.enqueueState(tenant, conversationId);
        states.save(tenant, new ConversationState(conversationId, state.leadId(), state.language(), state.turns(),
                state.disclosed(), stage == Stage.OFFERED ? Stage.ASKED_ADDRESS : stage, List.of(), state.triageRule(), summary,
                state.timePreference()));
        if (lead != null && lead.status() == LeadStatus.HANDED_OFF) {
            leads.setStatus(tenant, lead.id(), LeadStatus.ENGAGED);
        }
        conversations.setHandledByHuman(tenant, conversationId, false);
        return summary;
    }

    private static String orUnknown(String s) {
        return s == null ? "unknown" : s;
    }
}
