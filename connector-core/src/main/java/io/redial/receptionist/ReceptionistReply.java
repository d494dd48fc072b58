package io.redial.receptionist;

import io.redial.leads.LeadDetails;
import org.jspecify.annotations.Nullable;

/** A receptionist's proposal for one turn: the text, what it learned, and what it wants done. */
public record ReceptionistReply(String text, LeadDetails extracted, Action action, @Nullable String slotId) {

    public static ReceptionistReply ask(String text, LeadDetails extracted) {
        return new ReceptionistReply(text, extracted, Action.ASK, null);
    }
}
