package io.redial.receptionist.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.redial.leads.LeadDetails;
import io.redial.receptionist.Action;
import io.redial.receptionist.booking.Slot;
import io.redial.receptionist.TurnContext;
import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The only levers the model has, one instance per turn. Every argument is validated; a tool never acts on
 * the world, it records a proposal that our code then checks and disposes of.
 */
class AnnaTools {

    private static final Set<String> TRADES = Set.of("hvac", "plumbing", "roofing", "electrical");
    private static final Set<String> CLOSE_REASONS = Set.of("wrong_number", "spam", "declined", "out_of_area");

    private final TurnContext turn;
    LeadDetails learned = LeadDetails.NONE;
    Action action = Action.ASK;
    @Nullable String slotId;

    AnnaTools(TurnContext turn) {
        this.turn = turn;
    }

    @Tool("Record what the caller told you. Pass only what they said; leave unknown fields empty.")
    String recordDetails(@P(value = "caller's name", required = false) @Nullable String name,
            @P(value = "service address with ZIP", required = false) @Nullable String address,
            @P(value = "the problem in the caller's words", required = false) @Nullable String problem,
            @P(value = "hvac, plumbing, roofing or electrical", required = false) @Nullable String trade) {
        if (trade != null && !trade.isBlank() && !TRADES.contains(trade.toLowerCase())) {
            return "error: trade must be one of " + TRADES;
        }
        if (tooLong(name, 100) || tooLong(address, 300) || tooLong(problem, 500)) {
            return "error: a value is too long";
        }
        learned = learned.mergedWith(new LeadDetails(blankToNull(name), blankToNull(address), null, blankToNull(problem),
                trade == null || trade.isBlank() ? null : trade.toLowerCase(), null));
        return "recorded";
    }

    @Tool("Offer the caller our open appointment slots. Our system appends the list to your reply; never write times yourself.")
    String offerSlots() {
        if (turn.open().isEmpty()) {
            return "error: no open slots; hand off to a human instead";
        }
        action = Action.OFFER_SLOTS;
        return "the caller will see " + turn.open().size() + " numbered options";
    }

    @Tool("Book the option number the caller chose from the slots already offered. Our system confirms it.")
    String bookOfferedSlot(@P("option number as offered, starting at 1") int option) {
        if (option < 1 || option > turn.offered().size()) {
            return "error: option " + option + " was not offered; offered options are 1 to " + turn.offered().size();
        }
        Slot slot = turn.offered().get(option - 1);
        action = Action.BOOK;
        slotId = slot.id();
        return "booking requested for option " + option;
    }

    @Tool("Look up an approved price by name. Quote only prices this returns.")
    String approvedPrice(@P("price name, e.g. diagnostic_visit") String name) {
        BigDecimal price = turn.profile().prices().get(name);
        return price == null ? "not an approved price; say the technician quotes on site. Approved: "
                + turn.profile().prices().keySet() : "$" + price.toPlainString();
    }

    @Tool("Page the on-call technician for an emergency that puts people or property at risk now.")
    String escalateEmergency(@P("short reason") String reason) {
        action = Action.ESCALATE;
        return "paging requested";
    }

    @Tool("Hand the conversation to a person (the caller asks for one, is upset, or you cannot help).")
    String handOffToHuman(@P("short reason") String reason) {
        action = Action.HAND_OFF;
        return "hand-off requested";
    }

    @Tool("End the conversation politely. reason: wrong_number, spam, declined or out_of_area.")
    String endConversation(@P("wrong_number, spam, declined or out_of_area") String reason) {
        if (!CLOSE_REASONS.contains(reason)) {
            return "error: reason must be one of " + CLOSE_REASONS;
        }
        action = Action.CLOSE;
        return "closing";
    }

    private static boolean tooLong(@Nullable String value, int max) {
        return value != null && value.length() > max;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
