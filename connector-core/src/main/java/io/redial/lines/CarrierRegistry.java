package io.redial.lines;

import io.redial.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/** The carrier, as far as registrations go. Implementations: Twilio's Messaging resources, and the sandbox. */
public interface CarrierRegistry {

    /**
     * {@code messagingServiceSid}: the service the line sends through, when Redial has one stored;
     * {@code simulated}: the state the console chose for the sandbox line (ignored by a real carrier).
     *
     * @throws RuntimeException when the carrier cannot be asked now (the check keeps the last known state)
     */
    Registration check(PhoneNumber number, @Nullable String messagingServiceSid, Registration.@Nullable State simulated);

    /** North American toll-free area codes: such a number needs a toll-free verification, not a campaign. */
    static boolean tollFree(PhoneNumber number) {
        String e164 = number.e164();
        return e164.length() == 12 && e164.startsWith("+18") && java.util.Set.of("800", "833", "844", "855", "866", "877", "888")
                .contains(e164.substring(2, 5));
    }
}
