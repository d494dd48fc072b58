package io.redial.conversations;

import io.redial.calls.MissedCallDetected;
import io.redial.jobs.DurableJobs;
import io.redial.tenants.Tenant;
import io.redial.tenants.Tenants;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns a missed call into one pending text and a send task, in the transaction that stored the call.
 * The ledger's dedupe key (one text-back per CallSid) holds even when the webhook is replayed.
 */
@Component
class TextBack {

    private static final Logger log = LoggerFactory.getLogger(TextBack.class);

    private final Tenants tenants;
    private final SendLedger ledger;
    private final DurableJobs jobs;
    private final Clock clock;

    TextBack(Tenants tenants, SendLedger ledger, DurableJobs jobs, Clock clock) {
        this.tenants = tenants;
        this.ledger = ledger;
        this.jobs = jobs;
        this.clock = clock;
    }

    @EventListener
    void on(MissedCallDetected missed) {
        Tenant tenant = tenants.find(missed.tenant()).orElseThrow();
        boolean open = tenants.hours(tenant).isOpenAt(clock.instant());
        String kind = open ? TextBackTemplates.BUSINESS_HOURS : TextBackTemplates.AFTER_HOURS;
        String template = tenants.template(tenant.id(), missed.lineId(), kind)
                .orElse(TextBackTemplates.defaultFor(kind));
        String body = TextBackTemplates.render(kind, template, tenant, missed.line());
        ledger.add(tenant.id(), missed.callId(), "textback", "textback:" + missed.callSid(), missed.line(),
                        missed.caller(), body)
                .ifPresent(id -> jobs.runOnce(SendText.instance(id, SendText.FIRST_CONTACT_PRIORITY)));
        log.info("text-back queued for call {}", missed.callSid());
    }
}
