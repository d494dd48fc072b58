package io.redial.receptionist;

import io.redial.receptionist.booking.Bookings;
import io.redial.receptionist.booking.Slot;
import io.redial.receptionist.reading.Language;
import io.redial.receptionist.triage.TriageRule;
import io.redial.receptionist.triage.Triaging;

import io.redial.conversations.Conversation;
import io.redial.conversations.Conversations;
import io.redial.leads.Lead;
import io.redial.leads.LeadStatus;
import io.redial.leads.Leads;
import io.redial.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Reads what a turn needs: conversation, tenant, lead (found or captured), triage, slots and history. */
@Component
class TurnPreparation {

    private final Conversations conversations;
    private final Leads leads;
    private final ReceptionistProfiles profiles;
    private final ConversationStates states;
    private final Triaging triaging;
    private final Bookings bookings;
    private final Receptionists receptionists;

    TurnPreparation(Conversations conversations, Leads leads, ReceptionistProfiles profiles, ConversationStates states,
            Triaging triaging, Bookings bookings, Receptionists receptionists) {
        Language.loadProfiles(); // at start-up, not in the first caller's turn
        this.receptionists = receptionists;
        this.conversations = conversations;
        this.leads = leads;
        this.profiles = profiles;
        this.states = states;
        this.triaging = triaging;
        this.bookings = bookings;
    }

    /** Empty when Anna must stay quiet: the conversation is closed or a person has it. */
    Optional<PreparedTurn> prepare(TenantId tenant, long conversationId, ConversationStates.PendingTurn pending) {
        Conversation conversation = conversations.find(tenant, conversationId).orElse(null);
        ReceptionistProfile profile = profiles.cached(tenant).orElse(null);
        if (conversation == null || profile == null || !conversation.open() || conversation.handledByHuman()) {
            return Optional.empty();
        }
        ConversationState state = states.find(tenant, conversationId);
        Lead lead = lead(tenant, conversation, state);
        Language language = Language.detect(pending.body(), state.language());
        TriageRule rule = triaging.withEarlierTexts(profile, pending.body(), () -> earlier(tenant, conversationId, pending, lead, state))
                .orElse(null);
        List<Slot> offered = state.offered().stream().map(s -> Slot.decode(s, profile.zone())).toList();
        // Only a model looks at open slots and the transcript before our code decides; offline turns skip both reads.
        boolean model = receptionists.hasModel();
        List<Slot> open = !model || state.stage().finished() ? List.of() : bookings.open(profile, 3);
        var history = model ? ReceptionistTurns.recent(conversations.transcript(tenant, conversationId)) : List.<io.redial.conversations.TranscriptLine>of();
        var context = new TurnContext(profile, conversationId, language, lead.details(), lead.existingCustomer(),
                history, pending.body(), rule, state.stage(), offered, open, state.handbackNote(), state.turns());
        return Optional.of(new PreparedTurn(pending.messageId(), conversation, profile, state, lead, context));
    }

    /** What the caller told us before this text: the problem on the lead and their last few texts ("heater quit", then "he's 90"). */
    private @Nullable String earlier(TenantId tenant, long conversationId, ConversationStates.PendingTurn pending,
            Lead lead, ConversationState state) {
        List<String> texts = new ArrayList<>();
        if (lead.details().problem() != null) {
            texts.add(lead.details().problem());
        }
        if (state.turns() > 0) {
            conversations.callerTextsBefore(tenant, conversationId, pending.messageId(), 3).stream()
                    .filter(t -> !texts.contains(t) && !pending.body().contains(t)).forEach(texts::add);
        }
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    private Lead lead(TenantId tenant, Conversation conversation, ConversationState state) {
        if (state.leadId() != null) {
            Optional<Lead> known = leads.find(tenant, state.leadId());
            if (known.isPresent()) {
                return known.get();
            }
        }
        long id = leads.openFor(tenant, conversation.callerId()).map(Lead::id)
                .orElseGet(() -> leads.capture(tenant, conversation.callerId(), null, null));
        leads.attachConversation(tenant, id, conversation.id());
        Lead lead = leads.find(tenant, id).orElseThrow();
        if (lead.status() == LeadStatus.NEW) {
            leads.setStatus(tenant, id, LeadStatus.ENGAGED);
        }
        return leads.find(tenant, id).orElseThrow();
    }
}
