package io.redial.conversations;

import io.redial.shared.notices.AdminNotices;
import io.redial.tenants.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends one ledger row, at most once. A row found {@link SendState#SENDING} belongs to a run that died
 * mid-send: the carrier's log is asked first, and the text goes only if it is not there.
 */
@Component
class TextSender {

    private static final Logger log = LoggerFactory.getLogger(TextSender.class);
    /** Purposes that must reach an opted-out caller: the one confirmation of their opt-out, and HELP answers. */
    private static final Set<String> ALLOWED_AFTER_OPT_OUT = Set.of("opt-out-confirmation", "help");
    private static final String OPTED_OUT = "21610";
    private static final Set<String> NOT_TEXTABLE = Set.of("21211", "21614", "21635", "21612");

    private final JdbcClient jdbc;
    private final SendLedger ledger;
    private final TextMessaging carrier;
    private final SenderPacing pacing;
    private final Tenants tenants;
    private final AdminNotices notices;
    private final Clock clock;

    TextSender(JdbcClient jdbc, SendLedger ledger, TextMessaging carrier, SenderPacing pacing, Tenants tenants,
            AdminNotices notices, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.carrier = carrier;
        this.pacing = pacing;
        this.tenants = tenants;
        this.notices = notices;
        this.clock = clock;
    }

    /** @return null when done (sent, failed for good, or nothing to do), or when to try again for pacing */
    @Nullable Instant send(long messageId) {
        LedgerEntry entry = ledger.find(messageId).orElse(null);
        if (entry == null || entry.state() == SendState.SENT || entry.state() == SendState.FAILED) {
            return null;
        }
        var row = jdbc.sql("""
                SELECT m.purpose, m.send_after_ms, c.opted_out_at IS NOT NULL AS opted_out FROM messages m
                LEFT JOIN callers c ON c.tenant_id = m.tenant_id AND c.phone = m.to_number WHERE m.id = ?""")
                .param(messageId).query().singleRow();
        String purpose = (String) row.get("purpose");
        boolean optedOut = row.get("opted_out") != null && ((Number) row.get("opted_out")).intValue() == 1;
        if (optedOut && !ALLOWED_AFTER_OPT_OUT.contains(purpose)) {
            ledger.markFailed(messageId, "opted-out");
            return null;
        }
        if (entry.state() == SendState.SENDING) {
            Optional<TextMessaging.SentText> earlier = carrier.findSent(entry.from(), entry.to(), entry.body(), entry.createdAt());
            if (earlier.isPresent()) {
                log.info("text {} was already with the carrier as {}: not sending again", messageId, earlier.get().carrierSid());
                ledger.markSent(messageId, earlier.get().carrierSid(), earlier.get().status());
                return null;
            }
        }
        Tenants.Sending sending = tenants.sending(entry.tenant(), entry.from());
        Instant slot = paceSlot(messageId, (Number) row.get("send_after_ms"), sending.messagingServiceSid() != null
                ? sending.messagingServiceSid() : entry.from().e164(), sending.sendsPerMinute());
        if (slot.isAfter(clock.instant().plusMillis(50))) {
            return slot;
        }
        ledger.markSending(messageId);
        try {
            var sent = carrier.send(new TextMessaging.OutboundText(entry.from(), entry.to(), entry.body(),
                    sending.messagingServiceSid()));
            ledger.markSent(messageId, sent.carrierSid(), sent.status());
            return null;
        } catch (TextSendFailed failure) {
            if (failure.retryable()) {
                log.warn("text {} to {} not sent yet: {}", messageId, entry.to().masked(), failure.getMessage());
                throw failure; // retried with backoff; the row stays SENDING so the retry checks the log first
            }
            refusedForGood(entry, failure.carrierCode());
            return null;
        }
    }

    /** Retries ran out: the text is failed, its lead flagged for a person to call back. */
    void giveUp(long messageId) {
        ledger.find(messageId).filter(e -> e.state() != SendState.SENT).ifPresent(entry -> {
            ledger.markFailed(messageId, "retries-exhausted");
            notices.tell(entry.tenant(), "text-failed", "A text to " + entry.to().masked()
                    + " could not be sent after repeated carrier errors: call them back.");
        });
    }

    private void refusedForGood(LedgerEntry entry, @Nullable String code) {
        log.warn("text {} to {} refused for good (code {})", entry.id(), entry.to().masked(), code);
        ledger.markFailed(entry.id(), code);
        if (OPTED_OUT.equals(code)) {
            jdbc.sql("UPDATE callers SET opted_out_at = COALESCE(opted_out_at, ?) WHERE tenant_id = ? AND phone = ?")
                    .params(now(), entry.tenant().value(), entry.to().e164()).update();
        } else if (code != null && NOT_TEXTABLE.contains(code)) {
            jdbc.sql("UPDATE callers SET sms_capable = FALSE WHERE tenant_id = ? AND phone = ?")
                    .params(entry.tenant().value(), entry.to().e164()).update();
        }
    }

    /** Reserves a slot once per text; a rescheduled run reuses the one it got. */
    private Instant paceSlot(long messageId, @Nullable Number reserved, String sender, int perMinute) {
        if (reserved != null) {
            return Instant.ofEpochMilli(reserved.longValue());
        }
        Instant slot = pacing.reserve(sender, perMinute);
        jdbc.sql("UPDATE messages SET send_after_ms = ? WHERE id = ?").params(slot.toEpochMilli(), messageId).update();
        return slot;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
