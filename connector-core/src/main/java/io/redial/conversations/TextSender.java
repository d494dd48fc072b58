package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import io.redial.shared.Telemetry;
import io.redial.shared.TenantId;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    /** The error a text is failed with when the carrier could not be reached, however often we tried. */
    static final String RETRIES_EXHAUSTED = "retries-exhausted";
    private static final Set<String> NOT_TEXTABLE = Set.of("21211", "21614", "21635", "21612");
    /** Texts that wait in their sender's second lane: first texts (text-backs, opt-out answers) go ahead of them. */
    private static final Set<String> SECOND_LANE = Set.of("follow-up", "turn", "staff");

    private final JdbcClient jdbc;
    private final SendLedger ledger;
    private final TextMessaging carrier;
    private final SenderPacing pacing;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;
    private final SendLeases leases;
    private final Clock clock;
    private final AdminNotices notices;
    private final TransactionTemplate transactions;

    TextSender(JdbcClient jdbc, SendLedger ledger, TextMessaging carrier, SenderPacing pacing, Tenants tenants,
            ApplicationEventPublisher events, SendLeases leases, Clock clock, AdminNotices notices,
            PlatformTransactionManager transactionManager) {
        this.notices = notices;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.carrier = carrier;
        this.pacing = pacing;
        this.tenants = tenants;
        this.events = events;
        this.leases = leases;
        this.clock = clock;
    }

    /**
     * @return null when done (sent, failed for good, or nothing to do), or when to look again: the text's pace
     *     slot, or the end of another run's attempt at this very text
     */
    @Nullable Instant send(long messageId) {
        return ledger.findToSend(messageId).map(this::send).orElse(null);
    }

    /** {@link #send(long)} for a row as it was just read or written. */
    @Nullable Instant send(SendLedger.Unsent unsent) {
        if (unsent.entry().state() == SendState.SENT || unsent.entry().state() == SendState.FAILED) {
            return null;
        }
        LedgerEntry entry = unsent.entry();
        long messageId = entry.id();
        if (unsent.callerOptedOut() && !ALLOWED_AFTER_OPT_OUT.contains(unsent.purpose())) {
            ledger.markFailed(messageId, "opted-out");
            Telemetry.textFailed("opted-out");
            return null;
        }
        if (entry.state() == SendState.SENDING) {
            if (unsent.sendingUntilMs() != null && unsent.sendingUntilMs() > clock.millis()) {
                // Another run is handing this very text to the carrier right now: look again when its lease ends.
                log.info("text {} is being sent by another run: checking again later", messageId);
                return Instant.ofEpochMilli(unsent.sendingUntilMs());
            }
            Optional<TextMessaging.SentText> earlier = carrier.findSent(outbound(entry,
                    tenants.sending(entry.tenant(), entry.from())), entry.createdAt());
            if (earlier.isPresent()) {
                log.info("text {} was already with the carrier as {}: not sending again", messageId, earlier.get().carrierSid());
                ledger.markSent(messageId, earlier.get().carrierSid(), earlier.get().status());
                return null;
            }
        }
        Tenants.Sending sending = tenants.sending(entry.tenant(), entry.from());
        boolean secondLane = SECOND_LANE.contains(unsent.purpose());
        // A slot (or a second-lane turn) is reserved once per text; a rescheduled run reuses the one it got.
        Instant slot = unsent.sendAfterMs() != null ? Instant.ofEpochMilli(unsent.sendAfterMs())
                : secondLane ? pacing.queueLater(senderKey(sending, entry.from()), sending.sendsPerMinute())
                : reserveSlot(sending, entry.from());
        if (!isDue(slot)) {
            if (unsent.sendAfterMs() == null) {
                ledger.reserveSlot(messageId, slot.toEpochMilli());
            }
            return slot;
        }
        // A follow-up or reply whose turn came goes only if no first text holds the slot; else back of the lane.
        // (Its retries after a carrier hiccup keep the slot they had.)
        if (secondLane && entry.attempts() == 0
                && !pacing.takeIfFree(senderKey(sending, entry.from()), sending.sendsPerMinute())) {
            Instant later = pacing.queueLater(senderKey(sending, entry.from()), sending.sendsPerMinute());
            ledger.reserveSlot(messageId, later.toEpochMilli());
            return later;
        }
        if (!ledger.claim(messageId, entry.attempts(), slot.toEpochMilli(), leaseEnd().toEpochMilli())) {
            log.info("text {} was claimed by another run: checking again later", messageId);
            return leaseEnd();
        }
        attempt(entry, sending);
        return null;
    }

    /**
     * The attempt of a text whose row this run wrote already claimed ({@link SendState#SENDING}, leased until
     * {@link #leaseEnd()} as of its writing): no claim of its own, straight to the carrier.
     */
    void sendClaimed(LedgerEntry entry) {
        attempt(entry, tenants.sending(entry.tenant(), entry.from()));
    }

    /** Whether a text with this pace slot goes now rather than at its slot. */
    boolean isDue(Instant slot) {
        return !slot.isAfter(clock.instant().plusMillis(50));
    }

    /**
     * The end of an attempt claimed now: until then no other run sends the text, nor asks the carrier about it.
     * Renewed while the attempt is in flight ({@link SendLeases}).
     */
    Instant leaseEnd() {
        return leases.end();
    }

    /** One attempt of a claimed text: sent, refused for good, or (retryable) thrown with the lease ended. */
    private void attempt(LedgerEntry entry, Tenants.Sending sending) {
        long messageId = entry.id();
        try {
            var sent = leases.holding(messageId, () -> carrier.send(outbound(entry, sending)));
            ledger.markSent(messageId, sent.carrierSid(), sent.status());
        } catch (TextSendFailed failure) {
            if (failure.retryable()) {
                ledger.endLease(messageId);
                log.warn("text {} to {} not sent yet: {}", messageId, entry.to().masked(), failure.getMessage());
                throw failure; // retried with backoff; the row stays SENDING so the retry checks the log first
            }
            refusedForGood(entry, failure.carrierCode());
        }
    }

    private static TextMessaging.OutboundText outbound(LedgerEntry entry, Tenants.Sending sending) {
        return new TextMessaging.OutboundText(entry.from(), entry.to(), entry.body(), sending.messagingServiceSid());
    }

    /** Reserves the next pace slot of the text's sender: its Messaging Service, else its number. */
    Instant reserveSlot(TenantId tenant, PhoneNumber from) {
        return reserveSlot(tenants.sending(tenant, from), from);
    }

    private Instant reserveSlot(Tenants.Sending sending, PhoneNumber from) {
        return pacing.reserve(senderKey(sending, from), sending.sendsPerMinute());
    }

    private static String senderKey(Tenants.Sending sending, PhoneNumber from) {
        return sending.messagingServiceSid() != null ? sending.messagingServiceSid() : from.e164();
    }

    /**
     * Twilio has not taken this text for a while (an outage, most likely): the admin is told once per tenant while
     * the notice is open; the text keeps being retried.
     */
    void stillNotTaken(long messageId, java.time.Duration waited, java.time.Duration giveUpAfter) {
        ledger.find(messageId).filter(e -> e.state() != SendState.SENT).ifPresent(entry -> {
            String message = "Twilio has not taken texts for over " + minutes(waited) + ": they wait, are tried again,"
                    + " and go as soon as Twilio answers. If it lasts " + minutes(giveUpAfter)
                    + ", the callers are marked for a call-back.";
            // Every text of a burst gets here at about the same moment: under the tenant's row lock, one notice is written.
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("SELECT id FROM tenants WHERE id = ? FOR UPDATE").param(entry.tenant().value()).query().listOfRows();
                notices.tell(entry.tenant(), "twilio-unreachable", message);
            });
        });
    }

    private static String minutes(java.time.Duration waited) {
        long m = waited.toMinutes();
        return m >= 1 ? m + (m == 1 ? " minute" : " minutes") : waited.toSeconds() + " seconds";
    }

    /** Retries ran out: the text is failed, and whoever handles undelivered texts sees to a call back. */
    void giveUp(long messageId) {
        ledger.find(messageId).filter(e -> e.state() != SendState.SENT).ifPresent(entry -> {
            ledger.markFailed(messageId, RETRIES_EXHAUSTED);
            Telemetry.textFailed(RETRIES_EXHAUSTED);
            events.publishEvent(new TextNotDelivered(entry.tenant(), messageId, RETRIES_EXHAUSTED));
        });
    }

    private void refusedForGood(LedgerEntry entry, @Nullable String code) {
        log.warn("text {} to {} refused for good (code {})", entry.id(), entry.to().masked(), code);
        // What the carrier said of the caller is stored before the text shows as failed, so whoever sees the
        // failure also sees why (and no later text tries again).
        if (OPTED_OUT.equals(code)) {
            jdbc.sql("UPDATE callers SET opted_out_at = COALESCE(opted_out_at, ?) WHERE tenant_id = ? AND phone = ?")
                    .params(now(), entry.tenant().value(), entry.to().e164()).update();
        } else if (code != null && NOT_TEXTABLE.contains(code)) {
            jdbc.sql("UPDATE callers SET sms_capable = FALSE WHERE tenant_id = ? AND phone = ?")
                    .params(entry.tenant().value(), entry.to().e164()).update();
        }
        ledger.markFailed(entry.id(), code);
        Telemetry.textFailed(code);
        events.publishEvent(new TextNotDelivered(entry.tenant(), entry.id(), code));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
