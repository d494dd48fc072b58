package io.redial.conversations;

import io.redial.leads.KnownCustomers.KnownCustomer;
import io.redial.leads.Leads;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.notices.AdminNotices;
import io.redial.tenants.PhoneLine;
import io.redial.tenants.Tenant;
import io.redial.tenants.TenantPolicy;
import io.redial.tenants.Tenants;
import io.redial.tenants.TextBackTemplates;
import io.redial.tenants.WeeklyHours;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides what a missed call gets, with the caller's row locked so two calls from one number decide one
 * after the other: suppressed (a lead with the reason, no text), a repeat call inside the dedupe window
 * (joins the open conversation; at most one "saw you called again"), or a first-contact text.
 */
@Service
class TextBackDecision {

    /** The missed call to decide on, as its event announced it or as {@link #load} read it. */
    record CallToText(TenantId tenant, PhoneNumber caller, long callerId, long lineId, String callSid,
            @Nullable String stirVerstat, boolean lineTypeUnknownAndWanted, boolean decided) {
    }

    /** Another run decided the call between this run's read and its write: this run's work is rolled back. */
    static final class DecidedMeanwhile extends RuntimeException {
        DecidedMeanwhile(long callId) {
            super("call " + callId + " was decided by another run meanwhile");
        }
    }

    /** The caller as its lock finds it: what suppresses a text, its latest text-back and its open conversation. */
    private record CallerState(Suppression.CallerFacts facts, @Nullable Long textInWindow,
            @Nullable Long openConversation, boolean callDecided) {
    }

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final Suppression suppression;
    private final Leads leads;
    private final Conversations conversations;
    private final OutboundTexts texts;
    private final FollowUps followUps;
    private final AdminNotices notices;
    private final Clock clock;

    TextBackDecision(JdbcClient jdbc, Tenants tenants, Suppression suppression, Leads leads,
            Conversations conversations, OutboundTexts texts, FollowUps followUps, AdminNotices notices, Clock clock) {
        this.jdbc = jdbc;
        this.followUps = followUps;
        this.tenants = tenants;
        this.suppression = suppression;
        this.leads = leads;
        this.conversations = conversations;
        this.texts = texts;
        this.notices = notices;
        this.clock = clock;
    }

    CallToText load(long callId) {
        return jdbc.sql("""
                SELECT c.tenant_id, c.from_number, c.caller_id, c.line_id, c.call_sid, c.stir_verstat,
                       r.sms_capable IS NULL AND t.line_type_lookup, c.text_decision IS NOT NULL
                FROM calls c JOIN callers r ON r.id = c.caller_id JOIN tenants t ON t.id = c.tenant_id WHERE c.id = ?""")
                .param(callId)
                .query((rs, n) -> new CallToText(new TenantId(rs.getString(1)), new PhoneNumber(rs.getString(2)),
                        rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8)))
                .single();
    }

    /** Keeps what the line-type lookup said, so the number is looked up once (lookups are billed). */
    void rememberLineType(CallToText call, String lineType) {
        jdbc.sql("UPDATE callers SET sms_capable = ? WHERE tenant_id = ? AND id = ?")
                .params(!LineTypes.NOT_TEXTABLE.contains(lineType), call.tenant().value(), call.callerId()).update();
    }

    /**
     * @return the text to send now, if this run queued one; a call decided by an earlier run hands what that run
     *     left unsent to the send task instead
     * @throws DecidedMeanwhile when another run decided the call while this one was deciding (all undone)
     */
    @Transactional
    public Optional<OutboundTexts.Queued> decideAndQueue(long callId, CallToText loaded, Optional<KnownCustomer> known) {
        TenantId tenantId = loaded.tenant();
        TenantPolicy policy = tenants.policy(tenantId);
        // Lock order as in the webhooks (caller, then call): two calls from one number decide one after the
        // other, and a callback updating this call waits instead of deadlocking. What the decision reads of the
        // caller, and whether an earlier run decided the call, comes with the caller's lock in one round trip (this
        // runs for every missed call); the call's own row is locked by the decision's last write, which checks
        // again that nobody decided it meanwhile.
        CallerState caller = jdbc.sql("""
                SELECT r.opted_out_at IS NOT NULL, r.sms_capable IS NOT NULL AND NOT r.sms_capable,
                       EXISTS (SELECT 1 FROM blocklist b WHERE b.tenant_id = r.tenant_id AND b.phone = r.phone),
                       (SELECT m.id FROM messages m WHERE m.tenant_id = r.tenant_id AND m.to_number = r.phone
                          AND m.purpose = 'textback' AND m.send_state <> 'FAILED' AND m.created_at >= ?
                          ORDER BY m.id DESC LIMIT 1),
                       (SELECT v.id FROM conversations v WHERE v.tenant_id = r.tenant_id AND v.caller_id = r.id
                          AND v.line_id = ? AND v.state = 'OPEN' ORDER BY v.id DESC LIMIT 1),
                       (SELECT c.text_decision IS NOT NULL FROM calls c WHERE c.id = ? AND c.caller_id = r.id)
                FROM callers r WHERE r.id = ? AND r.tenant_id = ? FOR UPDATE""")
                .params(windowStart(policy), loaded.lineId(), callId, loaded.callerId(), tenantId.value())
                .query((rs, n) -> new CallerState(new Suppression.CallerFacts(rs.getBoolean(1), rs.getBoolean(2),
                        rs.getBoolean(3)), rs.getObject(4, Long.class), rs.getObject(5, Long.class), rs.getBoolean(6)))
                .single();
        if (caller.callDecided()) {
            texts.handOverUnsent(callId, OutboundTexts.FIRST_CONTACT); // decided on an earlier run of this task
            return Optional.empty();
        }
        Tenant tenant = tenants.find(tenantId).orElseThrow();
        PhoneLine line = tenants.line(loaded.lineId()).orElseThrow();
        long callerId = loaded.callerId();
        PhoneNumber callerNumber = loaded.caller();

        Optional<String> suppressed = suppression.reasonNotToText(tenant, policy, callerNumber, caller.facts(),
                loaded.stirVerstat());
        if (suppressed.isPresent()) {
            long leadId = leads.capture(tenant.id(), callerId, callId, suppressed.get());
            record(callId, null, leadId, "not texted: " + suppressed.get());
            return Optional.empty();
        }
        if (caller.textInWindow() != null) {
            return repeatCall(callId, tenant, line, callerId, callerNumber, caller.textInWindow());
        }
        return firstContact(callId, loaded.callSid(), tenant, line, policy, callerId, callerNumber,
                caller.openConversation(), known);
    }

    private Optional<OutboundTexts.Queued> firstContact(long callId, String callSid, Tenant tenant, PhoneLine line,
            TenantPolicy policy, long callerId, PhoneNumber caller, @Nullable Long openConversation,
            Optional<KnownCustomer> known) {
        long conversationId = openConversation != null ? openConversation
                : conversations.open(tenant.id(), callerId, line.id());
        // The caller's open lead carries on only in its own conversation: a new conversation has no lead yet.
        Optional<Long> openLead = openConversation == null ? Optional.empty() : leads.openFor(tenant.id(), callerId)
                .filter(l -> l.conversationId() != null && l.conversationId() == conversationId)
                .map(l -> l.id());
        openLead.ifPresent(id -> leads.attachConversation(tenant.id(), id, conversationId)); // moves it up the list
        long leadId = openLead.orElseGet(() -> leads.capture(tenant.id(), callerId, callId, null, conversationId));
        known.ifPresent(k -> leads.markExistingCustomer(tenant.id(), leadId));

        WeeklyHours hours = tenants.hours(tenant);
        String kind = hours.isOpenAt(clock.instant()) ? TextBackTemplates.BUSINESS_HOURS : TextBackTemplates.AFTER_HOURS;
        TextBackTemplates.Fields fields = fields(tenant, line, policy, hours, known);
        String language = inCallersLanguage(tenant, line, kind, callerId);
        String body = render(tenant, line, language, fields);
        Optional<OutboundTexts.Queued> queued = texts.queueForSendNow(new OutboundTexts.Request(tenant.id(),
                conversationId, callId, "textback", "textback:" + callSid, line.number(), caller, body,
                OutboundTexts.FIRST_CONTACT));
        followUps.arm(tenant, conversationId, () -> render(tenant, line,
                inCallersLanguage(tenant, line, TextBackTemplates.FOLLOW_UP, callerId), fields));
        record(callId, conversationId, leadId, "texted: first contact"
                + (known.isPresent() ? " (existing customer)" : ""));
        return queued;
    }

    private Optional<OutboundTexts.Queued> repeatCall(long callId, Tenant tenant, PhoneLine line, long callerId, PhoneNumber caller, long firstTextId) {
        Long conversationId = jdbc.sql("SELECT conversation_id FROM messages WHERE id = ?").param(firstTextId)
                .query(Long.class).optional().orElse(null);
        Long leadId = leads.openFor(tenant.id(), callerId).map(l -> l.id()).orElse(null);
        if (conversationId != null) {
            conversations.touch(tenant.id(), conversationId);
        }
        TenantPolicy policy = tenants.policy(tenant.id());
        String body = render(tenant, line, inCallersLanguage(tenant, line, TextBackTemplates.REPEAT_CALL, callerId),
                fields(tenant, line, policy, tenants.hours(tenant), Optional.empty()));
        Optional<OutboundTexts.Queued> queued = texts.queueForSendNow(new OutboundTexts.Request(tenant.id(),
                conversationId, callId, "repeat-call", "repeat:" + firstTextId, line.number(), caller, body,
                OutboundTexts.CONVERSATION));
        record(callId, conversationId, leadId, queued.isPresent()
                ? "repeat call inside the dedupe window: joined the open conversation, sent \"saw you called again\""
                : "repeat call inside the dedupe window: joined the open conversation (already told them once)");
        return queued;
    }

    /** Texts since then count as "already texted": the start of the tenant's dedupe window, in UTC as stored. */
    private LocalDateTime windowStart(TenantPolicy policy) {
        return LocalDateTime.ofInstant(clock.instant().minus(policy.dedupeWindow()), ZoneOffset.UTC);
    }

    /**
     * The Spanish version of the template when the tenant wrote one and the caller wrote Spanish in their last
     * conversation; else the kind itself. Tenants without Spanish templates cost no query here.
     */
    private String inCallersLanguage(Tenant tenant, PhoneLine line, String kind, long callerId) {
        String spanish = TextBackTemplates.spanish(kind);
        if (tenants.template(tenant.id(), line.id(), spanish).isEmpty()) {
            return kind;
        }
        boolean wroteSpanish = jdbc.sql("""
                SELECT s.language FROM conversations c JOIN receptionist_state s ON s.conversation_id = c.id
                WHERE c.tenant_id = ? AND c.caller_id = ? ORDER BY c.id DESC LIMIT 1""")
                .params(tenant.id().value(), callerId).query(String.class).optional().filter("es"::equals).isPresent();
        return wroteSpanish ? spanish : kind;
    }

    private String render(Tenant tenant, PhoneLine line, String kind, TextBackTemplates.Fields fields) {
        String template = tenants.template(tenant.id(), line.id(), kind).orElse(TextBackTemplates.defaultFor(kind));
        TextBackTemplates.Rendered rendered = TextBackTemplates.render(kind, template, fields);
        if (rendered.problem() != null) {
            notices.tell(tenant.id(), "template", "The " + kind.replace("textback.", "").replace('_', '-')
                    + " text template could not be used (" + rendered.problem() + "); the built-in text went out instead.");
        }
        return rendered.text();
    }

    private TextBackTemplates.Fields fields(Tenant tenant, PhoneLine line, TenantPolicy policy, WeeklyHours hours,
            Optional<KnownCustomer> known) {
        return new TextBackTemplates.Fields(tenant.name(), known.map(KnownCustomer::firstName).orElse(null),
                policy.bookingLink(), TextBackTemplates.national(line.number()),
                hours.todayText(clock.instant()));
    }

    private void record(long callId, @Nullable Long conversationId, @Nullable Long leadId, String decision) {
        int decided = jdbc.sql("""
                UPDATE calls SET text_decision = ?, conversation_id = ?, lead_id = ? WHERE id = ? AND text_decision IS NULL""")
                .params(decision, conversationId, leadId, callId).update();
        if (decided == 0) {
            throw new DecidedMeanwhile(callId);
        }
    }
}
