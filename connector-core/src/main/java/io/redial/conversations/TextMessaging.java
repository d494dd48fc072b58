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
     * Looks in the carrier's message log for a text this app may have sent before it died, so a resumed
     * send does not send twice.
     */
    Optional<SentText> findSent(PhoneNumber from, PhoneNumber to, String body, Instant notBefore);

    /** {@code messagingServiceSid}, when set, sends through that pool instead of the {@code from} number. */
    record OutboundText(PhoneNumber from, PhoneNumber to, String body, @Nullable String messagingServiceSid) {
    }

    record SentText(String carrierSid, String status) {
    }
}
