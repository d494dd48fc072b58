package io.redial.receptionist.escalation;

import io.redial.receptionist.Phrases;
import io.redial.receptionist.ReceptionistProfile;
import io.redial.receptionist.reading.Language;

import io.redial.conversations.Conversation;
import io.redial.conversations.Conversations;
import io.redial.conversations.OutboundTexts;
import io.redial.jobs.DurableJobs;
import io.redial.leads.EmergencyEscalated;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages a tenant's on-call ladder for an emergency: one text per rung asking for "1" or "YES", the next
 * rung after the tenant's ack minutes (a durable task), every step recorded on the lead.
 */
@Service
public class OnCallPaging {

    private static final Set<String> ACKS = Set.of("1", "yes", "y", "si", "yes.", "yes!", "1.");

    private final Escalations escalations;
    private final OutboundTexts texts;
    private final Conversations conversations;
    private final DurableJobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OnCallPaging(Escalations escalations, OutboundTexts texts, Conversations conversations, DurableJobs jobs,
            ApplicationEventPublisher events, Clock clock) {
        this.escalations = escalations;
        this.texts = texts;
        this.conversations = conversations;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** Starts paging for a lead, in the caller's transaction. @return the escalation id */
    @Transactional
    public long start(ReceptionistProfile profile, long leadId, Conversation conversation, String rule, String summary) {
        long id = escalations.open(profile.tenant(), leadId, conversation.id(), rule, summary);
        if (profile.onCall().isEmpty()) {
            escalations.step(profile.tenant(), id, leadId, 0, "NO_ON_CALL", null);
            escalations.setState(profile.tenant(), id, "EXHAUSTED", 0);
        } else {
            page(profile, id, leadId, conversation, summary, 0);
        }
        escalations.step(profile.tenant(), id, leadId, 0, "CALLER_TOLD", null);
        events.publishEvent(new EmergencyEscalated(profile.tenant(), leadId, rule, summary));
        return id;
    }

    /** A rung's time is up: page the next one, or tell the caller and a person when the ladder is done. */
    @Transactional
    public void timedOut(ReceptionistProfile profile, long escalationId, int step) {
        var esc = escalations.lockPaging(profile.tenant(), escalationId).orElse(null);
        if (esc == null || esc.step() != step) {
            return; // acknowledged, or an older rung's timer
        }
        PhoneNumber paged = profile.onCall().get(Math.min(step, profile.onCall().size() - 1));
        escalations.step(profile.tenant(), escalationId, esc.leadId(), step, "NO_ANSWER", paged);
        Conversation conversation = conversations.find(profile.tenant(), esc.conversationId()).orElseThrow();
        if (step + 1 < profile.onCall().size()) {
            page(profile, escalationId, esc.leadId(), conversation, esc.summary(), step + 1);
            return;
        }
        escalations.setState(profile.tenant(), escalationId, "EXHAUSTED", step);
        escalations.step(profile.tenant(), escalationId, esc.leadId(), step, "EXHAUSTED", null);
        Language l = Language.of(esc.language());
        tellCaller(conversation, "page-exhausted:" + escalationId, Phrases.stillPaging(l));
        conversations.setHandledByHuman(profile.tenant(), conversation.id(), true);
    }

    /**
     * An inbound text from a staff number: if it is "1" or "YES" from someone paged for an open escalation of
     * this tenant, that escalation is acknowledged and the caller told. Call this before opt-in keywords
     * (YES is also START's synonym) for texts whose sender is on the tenant's on-call list.
     *
     * @return whether the text was an acknowledgement
     */
    @Transactional
    public boolean acknowledge(TenantId tenant, PhoneNumber from, String body) {
        if (!ACKS.contains(body.trim().toLowerCase(Locale.ROOT))) {
            return false;
        }
        var esc = escalations.pagingFor(tenant, from).orElse(null);
        if (esc == null) {
            return false;
        }
        escalations.setState(tenant, esc.id(), "ACKNOWLEDGED", esc.step());
        escalations.acknowledgedBy(tenant, esc.id(), from);
        escalations.step(tenant, esc.id(), esc.leadId(), esc.step(), "ACKNOWLEDGED", from);
        conversations.find(tenant, esc.conversationId()).ifPresent(c ->
                tellCaller(c, "page-ack:" + esc.id(), Phrases.acknowledged(Language.of(esc.language()))));
        return true;
    }

    private void page(ReceptionistProfile profile, long escalationId, long leadId, Conversation conversation,
            String summary, int step) {
        PhoneNumber onCall = profile.onCall().get(step);
        String body = "URGENT " + profile.businessName() + ": " + summary + " Caller " + conversation.caller().e164()
                + ". Reply 1 or YES to take it.";
        texts.queue(new OutboundTexts.Request(profile.tenant(), null, null, "page", "page:" + escalationId + ":" + step,
                conversation.line(), onCall, body, OutboundTexts.FIRST_CONTACT));
        escalations.setState(profile.tenant(), escalationId, "PAGING", step);
        escalations.step(profile.tenant(), escalationId, leadId, step, "PAGED", onCall);
        jobs.runOnceAt(PageTimeout.instance(profile.tenant(), escalationId, step),
                clock.instant().plus(Duration.ofMinutes(profile.onCallAckMinutes())));
    }

    private void tellCaller(Conversation c, String dedupeKey, String body) {
        texts.queue(new OutboundTexts.Request(c.tenant(), c.id(), null, "turn", dedupeKey, c.line(), c.caller(), body,
                OutboundTexts.CONVERSATION));
    }
}
