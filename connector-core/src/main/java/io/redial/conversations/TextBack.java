package io.redial.conversations;

import io.redial.calls.MissedCallDetected;
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
    private final OutboundTexts texts;
    private final Clock clock;

    TextBack(Tenants tenants, OutboundTexts texts, Clock clock) {
        this.tenants = tenants;
        this.texts = texts;
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
        texts.queue(new OutboundTexts.Request(tenant.id(), null, missed.callId(), "textback",
                "textback:" + missed.callSid(), missed.line(), missed.caller(), body, OutboundTexts.FIRST_CONTACT));
        log.info("text-back queued for call {}", missed.callSid());
    }
}
