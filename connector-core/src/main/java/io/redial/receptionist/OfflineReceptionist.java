package io.redial.receptionist;

import io.redial.leads.LeadDetails;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The receptionist without a model: deterministic slot filling (problem, name, address, then slots) and
 * keyword intents, in English and Spanish. It runs when no LLM is configured and whenever the LLM fails.
 */
@Component
public class OfflineReceptionist implements ReceptionistAgent {

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
        if (CallerWords.wrongNumber(plain)) {
            return new ReceptionistReply(Phrases.wrongNumber(l), learned, Action.CLOSE, null);
        }
        if (CallerWords.spam(plain) && known.trade() == null) {
            return new ReceptionistReply(Phrases.spam(l), learned, Action.CLOSE, null);
        }
        if (CallerWords.wantsHuman(plain) || CallerWords.angry(plain, raw)) {
            return new ReceptionistReply(Phrases.sorry(l) + Phrases.handOff(l), learned, Action.HAND_OFF, null);
        }
        if (turn.stage() == Stage.OFFERED) {
            Optional<Slot> chosen = SlotChoice.pick(plain, turn.offered());
            if (chosen.isPresent()) {
                return new ReceptionistReply("", learned, Action.BOOK, chosen.get().id());
            }
        }
        if (CallerWords.declines(plain)) {
            return new ReceptionistReply(Phrases.goodbye(l), learned, Action.CLOSE, null);
        }
        String prefix = turn.turns() == 0 && (turn.existingCustomer() || CallerWords.existingCustomer(plain))
                ? Phrases.welcomeBack(l) : "";
        if (CallerWords.asksPrice(plain)) {
            prefix += Phrases.prices(l, turn.profile().prices()) + " ";
        }
        Stage next = Stage.nextQuestion(known);
        if (next == Stage.OFFERED) {
            return new ReceptionistReply(prefix.strip(), learned, Action.OFFER_SLOTS, null);
        }
        if (turn.rule() != null && turn.rule().question(l) != null && turn.stage() != next) {
            prefix += turn.rule().question(l) + " ";
        }
        return ReceptionistReply.ask(prefix + Phrases.question(l, next), learned);
    }

    /** What this text tells us, read the way the stage we are in suggests. */
    static LeadDetails learn(TurnContext turn, String raw) {
        String plain = Language.plain(raw);
        String name = CallerWords.name(raw).orElse(null);
        String address = CallerWords.address(raw).orElse(null);
        if (name == null && turn.stage() == Stage.ASKED_NAME && address == null) {
            name = CallerWords.bareName(raw).orElse(null);
        }
        if (address == null && turn.stage() == Stage.ASKED_ADDRESS) {
            address = CallerWords.bareAddress(raw).orElse(null);
        }
        String trade = turn.rule() != null ? turn.rule().trade() : Triage.trade(raw, turn.profile().trades());
        String problem = null;
        boolean answersProblem = turn.stage() == Stage.ASKED_PROBLEM && !CallerWords.asksPrice(plain);
        if (turn.known().problem() == null && (trade != null || answersProblem)
                && !CallerWords.wrongNumber(plain) && !CallerWords.spam(plain)) {
            problem = raw.length() > 300 ? raw.substring(0, 300) : raw;
        }
        return new LeadDetails(name, address, null, problem, trade, null);
    }
}
