package io.redial.conversations;

import io.redial.jobs.DurableJobs;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way any module sends a text: a ledger row plus a durable send task, in the caller's transaction.
 * The dedupe key names the purpose ("textback:&lt;CallSid&gt;", "turn:&lt;messageId&gt;"): the same key never
 * produces a second text.
 */
@Service
public class OutboundTexts {

    /** Higher runs first when the queue is deep. */
    public static final int FIRST_CONTACT = SendText.FIRST_CONTACT_PRIORITY;
    public static final int CONVERSATION = 5;
    public static final int FOLLOW_UP = 0;

    private final SendLedger ledger;
    private final DurableJobs jobs;

    OutboundTexts(SendLedger ledger, DurableJobs jobs) {
        this.ledger = ledger;
        this.jobs = jobs;
    }

    public record Request(TenantId tenant, @Nullable Long conversationId, @Nullable Long callId, String purpose,
            String dedupeKey, PhoneNumber from, PhoneNumber to, String body, int priority) {
    }

    /** @return the ledger id, or empty when a text with this dedupe key already exists */
    @Transactional
    public Optional<Long> queue(Request request) {
        Optional<Long> id = ledger.add(request.tenant(), request.conversationId(), request.callId(), request.purpose(),
                request.dedupeKey(), request.from(), request.to(), request.body());
        id.ifPresent(messageId -> jobs.runOnce(SendText.instance(messageId, request.priority())));
        return id;
    }
}
