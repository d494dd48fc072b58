package io.redial.receptionist;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the model receptionist when one is configured and checks its proposal; on any failure, timeout or
 * refused output the offline receptionist answers instead, so a caller never gets silence or an error.
 */
@Component
public class Receptionists {

    private static final Logger log = LoggerFactory.getLogger(Receptionists.class);

    /** A checked proposal, which receptionist made it, and how long the model took (0 offline). */
    public record Answer(ReceptionistReply reply, String agent, long modelMicros, @Nullable String refusal) {
    }

    private final OfflineReceptionist offline;
    private final List<ReceptionistAgent> models;

    Receptionists(OfflineReceptionist offline, List<ReceptionistAgent> agents) {
        this.offline = offline;
        this.models = agents.stream().filter(a -> !(a instanceof OfflineReceptionist)).toList();
    }

    public boolean hasModel() {
        return !models.isEmpty();
    }

    public Answer answer(TurnContext turn) {
        String refusal = null;
        long modelMicros = 0;
        for (ReceptionistAgent model : models) {
            long t0 = System.nanoTime();
            try {
                ReceptionistReply reply = model.reply(turn);
                modelMicros += (System.nanoTime() - t0) / 1000;
                Optional<String> why = refuse(reply, turn);
                if (why.isEmpty()) {
                    return new Answer(reply, model.name(), modelMicros, null);
                }
                refusal = why.get();
                log.warn("conversation {}: {} proposal refused ({}), answering offline", turn.conversationId(), model.name(), refusal);
            } catch (RuntimeException e) {
                modelMicros += (System.nanoTime() - t0) / 1000;
                refusal = describe(e);
                log.warn("conversation {}: {} failed ({}), answering offline", turn.conversationId(), model.name(), refusal);
            }
        }
        return new Answer(offline.reply(turn), offline.name(), modelMicros, refusal);
    }

    /** The failure's kind and first line, never a message body. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return e.getMessage() + " <- " + root.getClass().getSimpleName() + ": "
                + (message.length() > 160 ? message.substring(0, 160) : message);
    }

    static Optional<String> refuse(ReceptionistReply reply, TurnContext turn) {
        if (reply.text().isBlank() && (reply.action() == Action.ASK || reply.action() == Action.CLOSE)) {
            return Optional.of("empty text");
        }
        if (reply.action() == Action.BOOK && turn.offered().stream().noneMatch(s -> s.id().equals(reply.slotId()))) {
            return Optional.of("slot not offered: " + reply.slotId());
        }
        return Guardrails.violation(reply.text(), turn.profile().prices().values(), turn.offered(), turn.language());
    }
}
