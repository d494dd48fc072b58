package io.redial.receptionist;

import io.redial.receptionist.booking.Bookings;
import io.redial.receptionist.booking.Slot;
import io.redial.receptionist.booking.TimeGrammar;
import io.redial.receptionist.booking.TimePreference;
import io.redial.receptionist.escalation.OnCallPaging;
import io.redial.receptionist.reading.Language;
import io.redial.receptionist.triage.TriageRule;

import io.redial.conversations.Conversations;
import io.redial.leads.JobBooked;
import io.redial.leads.LeadDetails;
import io.redial.leads.LeadStatus;
import io.redial.leads.Leads;
import io.redial.leads.Urgency;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What each disposed action does to the world: page, book, offer, hand off; and the idle timer. */
@Component
class TurnOutcomes {

    /** The text for the caller, the stage reached, and the slots now on offer (encoded). */
    record Outcome(String text, Stage stage, List<String> offered) {
    }

    private final Leads leads;
    private final Conversations conversations;
    private final Bookings bookings;
    private final OnCallPaging paging;
    private final IdleClose idle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TurnOutcomes(Leads leads, Conversations conversations, Bookings bookings, OnCallPaging paging, IdleClose idle,
            ApplicationEventPublisher events, Clock clock) {
        this.leads = leads;
        this.conversations = conversations;
        this.bookings = bookings;
        this.paging = paging;
        this.idle = idle;
        this.events = events;
        this.clock = clock;
    }

    Outcome escalate(PreparedTurn turn, LeadDetails known, @Nullable TriageRule rule) {
        var tenant = turn.profile().tenant();
        String code = rule != null ? rule.code() : "receptionist";
        String summary = (code + ": " + shorten(known.problem(), 120)
                + (known.serviceAddress() != null ? " at " + shorten(known.serviceAddress(), 100) : "") + ".")
                .replaceAll("\\s+", " ");
        leads.updateDetails(tenant, turn.lead().id(), new LeadDetails(null, null, null, null, null, Urgency.EMERGENCY));
        leads.setStatus(tenant, turn.lead().id(), LeadStatus.ESCALATED);
        paging.start(turn.profile(), turn.lead().id(), turn.conversation(), code, summary);
        if (turn.profile().onCall().isEmpty()) { // nobody to page: never claim we are paging
            conversations.setHandledByHuman(tenant, turn.conversation().id(), true);
            return new Outcome(Phrases.noOnCall(turn.context().language()), Stage.ESCALATED, List.of());
        }
        return new Outcome(Phrases.escalated(turn.context().language()), Stage.ESCALATED, List.of());
    }

    Outcome book(PreparedTurn turn, @Nullable String slotId) {
        Language l = turn.context().language();
        Optional<Slot> slot = turn.context().offered().stream().filter(s -> s.id().equals(slotId)).findFirst();
        Optional<Outcome> booked = slot.flatMap(s -> booked(turn, s));
        if (booked.isPresent()) {
            return booked.get();
        }
        Outcome again = offer(turn, "", wanted(turn));
        return new Outcome(Phrases.slotGone(l) + " " + again.text(), again.stage(), again.offered());
    }

    /** Offers arrival windows when the caller asked for them, or says plainly none are free then and offers the nearest. */
    Outcome offer(PreparedTurn turn, String intro, @Nullable TimePreference wanted) {
        Language l = turn.context().language();
        Bookings.Offer offer = bookings.offer(turn.profile(), 3, wanted);
        if (offer.slots().isEmpty()) {
            return handOff(turn, Phrases.noSlots(l));
        }
        String text = (intro.isBlank() ? "" : intro.strip() + "\n") + Phrases.offer(l, offer.slots(), offer.asked());
        return new Outcome(text, Stage.OFFERED, offer.slots().stream().map(Slot::encode).toList());
    }

    /** A booked caller writing again ("thanks", "1", a late name): the visit stands, said with its day, window and address. */
    Outcome stillBooked(PreparedTurn turn) {
        var tenant = turn.profile().tenant();
        Language l = turn.context().language();
        String address = leads.find(tenant, turn.lead().id()).orElseThrow().details().serviceAddress();
        String text = bookings.bookedSlot(turn.profile(), turn.lead().id())
                .map(slot -> Phrases.stillBooked(l, slot, address)).orElseGet(() -> Phrases.stillBooked(l));
        return new Outcome(text, Stage.BOOKED, List.of());
    }

    /** Books the slot for the lead; empty when someone took its last place first. */
    private Optional<Outcome> booked(PreparedTurn turn, Slot slot) {
        if (!bookings.book(turn.profile(), turn.lead().id(), slot)) {
            return Optional.empty();
        }
        var tenant = turn.profile().tenant();
        leads.setStatus(tenant, turn.lead().id(), LeadStatus.BOOKED);
        LeadDetails d = leads.find(tenant, turn.lead().id()).orElseThrow().details();
        events.publishEvent(new JobBooked(tenant, turn.lead().id(), slot.start(), slot.end(),
                shorten(d.problem(), 200) + (d.trade() != null ? " (" + d.trade() + ")" : "")));
        String text = Phrases.booked(turn.context().language(), slot, d.serviceAddress());
        return Optional.of(new Outcome(text, Stage.BOOKED, List.of()));
    }

    /** When the caller wants us: what this text says, else what an earlier one said. */
    @Nullable TimePreference wanted(PreparedTurn turn) {
        var today = java.time.LocalDate.now(clock.withZone(turn.profile().zone()));
        return TimeGrammar.read(Language.plain(turn.context().callerText()), today)
                .orElseGet(() -> TimePreference.decode(turn.state().timePreference()));
    }

    Outcome handOff(PreparedTurn turn, String text) {
        var tenant = turn.profile().tenant();
        conversations.setHandledByHuman(tenant, turn.conversation().id(), true);
        leads.setStatus(tenant, turn.lead().id(), LeadStatus.HANDED_OFF);
        return new Outcome(text.isBlank() ? Phrases.handOff(turn.context().language()) : text, Stage.HANDED_OFF, List.of());
    }

    void idleTimer(PreparedTurn turn) {
        idle.arm(turn.profile().tenant(), turn.conversation().id(),
                clock.instant().plus(Duration.ofMinutes(turn.profile().settings().idleMinutes())));
    }

    private static String shorten(@Nullable String s, int max) {
        if (s == null) {
            return "no details yet";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
