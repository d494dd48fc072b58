package io.redial.receptionist;

import io.redial.receptionist.booking.TimePreference;
import io.redial.receptionist.reading.CallerWords;
import io.redial.receptionist.reading.Intent;
import io.redial.receptionist.reading.Intents;
import io.redial.receptionist.reading.Language;
import io.redial.receptionist.triage.Routing;
import io.redial.receptionist.triage.TriageRule;

import io.redial.conversations.Conversation;
import io.redial.conversations.Conversations;
import io.redial.conversations.OutboundTexts;
import io.redial.leads.LeadDetails;
import io.redial.leads.LeadStatus;
import io.redial.leads.Leads;
import io.redial.leads.Urgency;
import io.redial.shared.geo.GeoPoint;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The code that disposes: applies the triage rule whatever was proposed, validates the details, books only
 * an offered slot, pages for emergencies, and sends exactly one reply per caller text ({@code turn:<id>}).
 * Runs inside the turn's transaction.
 */
@Component
class TurnDisposal {

    private final Leads leads;
    private final Conversations conversations;
    private final ConversationStates states;
    private final OutboundTexts texts;
    private final TurnOutcomes outcomes;
    private final SemanticIntents intents;

    TurnDisposal(Leads leads, Conversations conversations, ConversationStates states, OutboundTexts texts,
            TurnOutcomes outcomes, SemanticIntents intents) {
        this.intents = intents;
        this.leads = leads;
        this.conversations = conversations;
        this.states = states;
        this.texts = texts;
        this.outcomes = outcomes;
    }

    void apply(PreparedTurn turn, Receptionists.Answer answer, @Nullable GeoPoint located) {
        TurnContext ctx = turn.context();
        Language l = ctx.language();
        TriageRule rule = ctx.rule();
        Optional<Intent> intent = needsPerson(ctx, rule);
        LeadDetails proposed = intent.map(i -> withReason(answer.reply().extracted(), i, ctx.callerText()))
                .orElse(answer.reply().extracted());
        LeadDetails details = LeadCheck.validated(proposed, ctx, rule, located);
        LeadDetails known = ctx.known().mergedWith(details);
        if (!known.equals(ctx.known())) {
            leads.updateDetails(ctx.profile().tenant(), turn.lead().id(), details);
        }
        Action action = intent.isPresent() ? Action.HAND_OFF : disposed(answer.reply().action(), rule, ctx.stage(), known);
        TimePreference wanted = outcomes.wanted(turn);
        String safety = rule != null && rule.safety(l) != null && !rule.code().equals(turn.state().triageRule())
                ? rule.safety(l) + " " : "";

        TurnOutcomes.Outcome outcome = switch (action) {
            case ESCALATE -> outcomes.escalate(turn, known, rule);
            case BOOK -> outcomes.book(turn, answer.reply().slotId());
            case OFFER_SLOTS -> outcomes.offer(turn, answer.reply().text(), wanted);
            case HAND_OFF -> outcomes.handOff(turn, intent.map(i -> Phrases.handOff(l, i)).orElse(answer.reply().text()));
            case CLOSE -> new TurnOutcomes.Outcome(closing(answer.reply().text(), known, ctx.stage(), l), Stage.CLOSED, List.of());
            case ASK -> ctx.stage() == Stage.BOOKED ? outcomes.stillBooked(turn)
                    : new TurnOutcomes.Outcome(asking(answer.reply(), ctx), ctx.stage() == Stage.ESCALATED
                            ? Stage.ESCALATED : Stage.nextQuestion(known), ctx.stage() == Stage.OFFERED ? turn.state().offered() : List.of());
        };
        boolean disclose = ctx.profile().settings().disclosure() && !turn.state().disclosed();
        String body = (disclose ? Phrases.disclosure(l, ctx.profile().businessName(),
                ctx.profile().settings().disclosureText()) : "") + safety + outcome.text();
        Conversation c = turn.conversation();
        texts.queue(new OutboundTexts.Request(c.tenant(), c.id(), null, "turn", "turn:" + turn.messageId(), c.line(),
                c.caller(), body.strip(), OutboundTexts.CONVERSATION));
        if (outcome.stage() == Stage.CLOSED) {
            finish(turn, known);
        } else {
            conversations.touch(c.tenant(), c.id());
        }
        states.save(c.tenant(), new ConversationState(c.id(), turn.lead().id(), l, turn.state().turns() + 1,
                turn.state().disclosed() || disclose, outcome.stage(), outcome.offered(),
                rule != null ? rule.code() : turn.state().triageRule(), turn.state().handbackNote(),
                wanted != null ? wanted.encode() : null));
        if (turn.state().turns() == 0) {
            outcomes.idleTimer(turn); // armed once; it re-arms itself while the conversation stays active
        }
    }

    /**
     * A text that needs a person (an existing job, a bill, a complaint), unless it is an emergency: by keywords,
     * else by meaning (the text's vector is already cached from triage). Not at the slot offer, where "another
     * day" is about the offer.
     */
    private Optional<Intent> needsPerson(TurnContext ctx, @Nullable TriageRule rule) {
        if (ctx.stage() == Stage.ESCALATED || rule != null && rule.routing() == Routing.ESCALATE) {
            return Optional.empty();
        }
        String plain = Language.plain(ctx.callerText());
        if (CallerWords.spam(plain) || CallerWords.wrongNumber(plain)) {
            return Optional.empty();
        }
        return Intents.personNeeded(plain, ctx.callerText())
                .or(() -> ctx.stage() == Stage.OFFERED ? Optional.empty()
                        : intents.meaning(ctx.callerText())
                                .filter(m -> !SemanticIntents.changesThisRequest(ctx, m, plain)).map(m -> m.handOver));
    }

    /** The reason goes on the lead (and so into the CRM note) ahead of the caller's words. */
    static LeadDetails withReason(LeadDetails extracted, Intent intent, String callerText) {
        return new LeadDetails(extracted.callerName(), extracted.serviceAddress(), null,
                "Needs a person (" + intent.reason() + "): " + callerText, extracted.trade(), null);
    }

    /** Our rules over the proposal: emergencies escalate, an out-of-area address closes, nothing books twice. */
    static Action disposed(Action proposed, @Nullable TriageRule rule, Stage stage, LeadDetails known) {
        if (rule != null && rule.routing() == Routing.ESCALATE && stage != Stage.ESCALATED) {
            return Action.ESCALATE;
        }
        if (rule != null && rule.routing() == Routing.HAND_OFF) {
            return Action.HAND_OFF;
        }
        if (proposed == Action.ESCALATE && stage == Stage.ESCALATED) {
            return Action.ASK;
        }
        boolean towardsBooking = proposed == Action.OFFER_SLOTS || proposed == Action.BOOK || proposed == Action.ASK;
        if (Boolean.FALSE.equals(known.inServiceArea()) && towardsBooking && stage != Stage.ESCALATED) {
            return Action.CLOSE;
        }
        if ((proposed == Action.OFFER_SLOTS || proposed == Action.BOOK) && (stage == Stage.ESCALATED || stage == Stage.BOOKED)) {
            return Action.ASK;
        }
        return proposed;
    }

    private static String closing(String proposed, LeadDetails known, Stage stage, Language l) {
        if (!Boolean.FALSE.equals(known.inServiceArea())) {
            return proposed;
        }
        // Said once; a caller who answers it without a new address ("ok thanks") is not told again.
        return stage == Stage.CLOSED ? Phrases.goodbye(l) : Phrases.outOfArea(l);
    }

    private static String asking(ReceptionistReply reply, TurnContext ctx) {
        if (ctx.stage() == Stage.ESCALATED && (reply.action() != Action.ASK || reply.text().isBlank())) {
            return Phrases.acknowledged(ctx.language());
        }
        return reply.text().isBlank() ? Phrases.question(ctx.language(), Stage.nextQuestion(ctx.known())) : reply.text();
    }

    private void finish(PreparedTurn turn, LeadDetails known) {
        var tenant = turn.conversation().tenant();
        LeadStatus status = leads.find(tenant, turn.lead().id()).orElseThrow().status();
        if (status == LeadStatus.NEW || status == LeadStatus.ENGAGED) {
            leads.setStatus(tenant, turn.lead().id(), LeadStatus.CLOSED);
        }
        if (Boolean.FALSE.equals(known.inServiceArea())) {
            // Left open so a caller who mistyped the ZIP can correct it and still book; the idle timer closes it.
            return;
        }
        conversations.close(tenant, turn.conversation().id(), "receptionist");
    }

    static Urgency urgencyOf(@Nullable TriageRule rule, LeadDetails known) {
        return rule != null ? rule.urgency() : known.urgency() != null ? known.urgency() : Urgency.ROUTINE;
    }
}
