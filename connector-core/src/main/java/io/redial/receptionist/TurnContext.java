package io.redial.receptionist;

import io.redial.receptionist.booking.Slot;
import io.redial.receptionist.reading.Language;
import io.redial.receptionist.triage.TriageRule;

import io.redial.conversations.TranscriptLine;
import io.redial.leads.LeadDetails;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a receptionist may look at for one turn. {@code rule} is the triage rule our code matched
 * (it wins whatever the receptionist proposes); {@code offered} are the slots already offered, the only
 * ones that can be booked; {@code open} are slots that could be offered now (read only when a model runs, as
 * is {@code history}); {@code turns} counts the turns already taken.
 */
public record TurnContext(ReceptionistProfile profile, long conversationId, Language language, LeadDetails known,
        boolean existingCustomer, List<TranscriptLine> history, String callerText, @Nullable TriageRule rule,
        Stage stage, List<Slot> offered, List<Slot> open, @Nullable String handbackNote, int turns) {
}
