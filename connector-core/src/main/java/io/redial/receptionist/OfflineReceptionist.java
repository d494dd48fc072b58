package io.redial.receptionist;

import io.redial.receptionist.booking.Slot;
import io.redial.receptionist.booking.SlotChoice;
import io.redial.receptionist.booking.TimeGrammar;
import io.redial.receptionist.reading.CallerWords;
import io.redial.receptionist.reading.Intent;
import io.redial.receptionist.reading.Intents;
import io.redial.receptionist.reading.Language;
import io.redial.receptionist.reading.TextReading;
import io.redial.receptionist.triage.Routing;
import io.redial.receptionist.triage.Triage;

import io.redial.leads.LeadDetails;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The receptionist without a model: reads every text for everything in it (problem, name, address, corrections,
 * when), asks only for what is still missing and confirms what it read, and answers keyword intents, in English and
 * Spanish. It runs when no LLM is configured and whenever the LLM fails.
 */
@Component
public class OfflineReceptionist implements ReceptionistAgent {

    private final SemanticIntents intents;

    OfflineReceptionist(SemanticIntents intents) {
        this.intents = intents;
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public ReceptionistReply reply(TurnContext turn) {
        Language l = turn.language();
        String raw = turn.callerText();
        String plain = Language.plain(raw);
        LeadDetails learned = learn(turn, raw);
        LeadDetails known = turn.known().mergedWith(learned);

        if (turn.rule() != null && turn.rule().routing() == Routing.ESCALATE) {
            return new ReceptionistReply(Phrases.escalated(l), learned, Action.ESCALATE, null);
        }
        // Keywords first; where they find nothing, the meaning of the text (paraphrases, Spanish).
        // At the slot offer, "another day" is about the offer, not a booked visit: meanings are not read there.
        Optional<SemanticIntents.Meaning> meaning = turn.stage() == Stage.OFFERED ? Optional.empty() : intents.meaning(raw);
        if (CallerWords.wrongNumber(plain) || meaning.orElse(null) == SemanticIntents.Meaning.WRONG_NUMBER) {
            return new ReceptionistReply(Phrases.wrongNumber(l), learned, Action.CLOSE, null);
        }
        // An injected "system note" with a real job in it is a caller with a job, not a pitch.
        boolean pitch = !CallerWords.instructs(plain)
                && (CallerWords.spam(plain) || meaning.orElse(null) == SemanticIntents.Meaning.SPAM);
        if (pitch && turn.known().problem() == null) {
            return new ReceptionistReply(Phrases.spam(l), LeadDetails.NONE, Action.CLOSE, null);
        }
        Optional<Intent> intent = Intents.personNeeded(plain, raw)
                .or(() -> meaning.filter(m -> !SemanticIntents.changesThisRequest(turn, m, plain)).map(m -> m.handOver));
        if (intent.isPresent()) {
            return new ReceptionistReply(Phrases.handOff(l, intent.get()), learned, Action.HAND_OFF, null);
        }
        if (turn.stage() == Stage.BOOKED) {
            // The visit is booked and on its way to the CRM: another time is the office's to arrange, and
            // anything else ("thanks", "1", a late name) leaves the booking as it is.
            if (TimeGrammar.mentionsTime(plain) && CallerWords.changesTime(plain)) {
                return new ReceptionistReply(Phrases.handOff(l, Intent.RESCHEDULE),
                        TurnDisposal.withReason(learned, Intent.RESCHEDULE, raw), Action.HAND_OFF, null);
            }
            if (CallerWords.noLongerNeeded(plain)) { // "nvm, it's working again": a booked visit to call off
                return new ReceptionistReply(Phrases.handOff(l, Intent.CANCEL),
                        TurnDisposal.withReason(learned, Intent.CANCEL, raw), Action.HAND_OFF, null);
            }
            if (CallerWords.declines(plain)) { // "no thanks, that's all": the visit stands, the chat ends
                return new ReceptionistReply(Phrases.goodbye(l), learned, Action.CLOSE, null);
            }
            return ReceptionistReply.ask(Phrases.stillBooked(l), learned);
        }
        boolean learnedContact = learned.callerName() != null || learned.serviceAddress() != null;
        if (turn.stage() == Stage.OFFERED && CallerWords.dropsOut(plain)) {
            // "hold off, let me check with my wife which weekend works": leaving, though it names a time
            return new ReceptionistReply(Phrases.goodbye(l), learned, Action.CLOSE, null);
        }
        if (turn.stage() == Stage.OFFERED && !turn.offered().isEmpty() && SlotChoice.asksEarliest(plain) && !learnedContact) {
            return new ReceptionistReply("", learned, Action.BOOK, SlotChoice.earliest(turn.offered()).id());
        }
        if (turn.stage() == Stage.OFFERED) {
            // "any time friday" or "saturday instead" asks for other windows; a number or "the first" picks one.
            if (TimeGrammar.mentionsTime(plain) || learnedContact) {
                String intro = learnedContact ? Phrases.confirm(l, learned.callerName(), learned.serviceAddress()) : "";
                return new ReceptionistReply(intro, learned, Action.OFFER_SLOTS, null);
            }
            Optional<Slot> chosen = SlotChoice.pick(plain, turn.offered());
            if (chosen.isPresent()) {
                return new ReceptionistReply("", learned, Action.BOOK, chosen.get().id());
            }
        }
        // Dropping out is only meant once there is something to drop: a first text is the request itself.
        boolean dropsOut = turn.turns() > 0
                && (CallerWords.dropsOut(plain) || meaning.orElse(null) == SemanticIntents.Meaning.DECLINE);
        if (CallerWords.declines(plain) || dropsOut) {
            return new ReceptionistReply(Phrases.goodbye(l), learned, Action.CLOSE, null);
        }
        String prefix = turn.turns() == 0 && (turn.existingCustomer() || CallerWords.existingCustomer(plain))
                ? Phrases.welcomeBack(l) : "";
        if (meaning.orElse(null) == SemanticIntents.Meaning.STAFF_CONTACT) {
            prefix += Phrases.noStaffNumbers(l) + " ";
        }
        if (CallerWords.asksPrice(plain) || meaning.orElse(null) == SemanticIntents.Meaning.PRICE) {
            prefix += Phrases.prices(l, turn.profile().prices()) + " ";
        }
        Stage next = Stage.nextQuestion(known);
        if (next == Stage.OFFERED) {
            if (learnedContact) {
                prefix += Phrases.confirm(l, known.callerName(), known.serviceAddress());
            }
            return new ReceptionistReply(prefix.strip(), learned, Action.OFFER_SLOTS, null);
        }
        if (turn.rule() != null && turn.rule().question(l) != null && turn.stage() != next) {
            prefix += turn.rule().question(l) + " ";
        }
        return ReceptionistReply.ask(prefix + Phrases.question(l, next), learned);
    }

    /** Everything this text tells us, whatever Anna asked last. */
    static LeadDetails learn(TurnContext turn, String raw) {
        String plain = Language.plain(raw);
        TextReading.Read read = TextReading.read(raw, turn.stage(), turn.known());
        String trade = turn.rule() != null ? turn.rule().trade() : Triage.trade(raw, turn.profile().trades());
        String problem = null;
        // The first text is nearly always the problem, even in words no trade list knows ("smoke detectors").
        boolean describes = turn.turns() == 0 && raw.strip().split("\\s+").length >= 3 && !CallerWords.asksPrice(plain);
        boolean answersProblem = (turn.stage() == Stage.ASKED_PROBLEM && !CallerWords.asksPrice(plain) && !read.any()) || describes;
        if (turn.known().problem() == null && (trade != null || answersProblem)
                && !CallerWords.wrongNumber(plain) && (!CallerWords.spam(plain) || CallerWords.instructs(plain))) {
            problem = raw.length() > 300 ? raw.substring(0, 300) : raw;
        }
        return new LeadDetails(read.name(), read.address(), null, problem, trade, null);
    }
}
