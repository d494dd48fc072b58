package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The carrier, as far as sending texts goes. Implementations: Twilio, and the sandbox carrier. */
public interface TextMessaging {

    /**
     * Hands one text to the carrier. Never retries by itself: a retry after the carrier accepted the text
     * would send it twice, so retries belong to the send ledger.
     *
     * @throws TextSendFailed when the carrier refused or could not be reached
     */
    SentText send(OutboundText text);

    /**
     * Looks in the carrier's message log for this text, handed over since {@code notBefore}: an attempt whose
     * outcome we never learnt (a crash, a timeout, a 5xx after the carrier took it) may have sent it, so a
     * retry asks here first. Texts still queued at the carrier count as sent.
     */
    Optional<SentText> findSent(OutboundText text, Instant notBefore);

    /** {@code messagingServiceSid}, when set, sends through that pool instead of the {@code from} number. */
    record OutboundText(PhoneNumber from, PhoneNumber to, String body, @Nullable String messagingServiceSid) {
    }

    record SentText(String carrierSid, String status) {
    }
}
