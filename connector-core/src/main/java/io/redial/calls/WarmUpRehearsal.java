package io.redial.calls;

import io.redial.shared.PhoneNumber;

/**
 * More of a missed call's path than the webhook, rehearsed by the start-up warm-up ({@code WebhookWarmUp}): right
 * after the call is decided, inside the round's transaction, which is rolled back; and after that transaction,
 * for what waits on a socket. Lets a module past the webhook (the text-back's decision, the carrier's send) run its
 * code before the node takes traffic, without {@code calls} knowing it.
 */
public interface WarmUpRehearsal {

    /** Runs what follows the decision of the missed call {@code callId}; must not reach the outside world. */
    default void rehearse(long callId) {
    }

    /**
     * Runs after the round's transaction, outside any: the text-back from {@code line} to {@code caller} as far as
     * the carrier's API, against a sink on loopback. Must not reach the outside world.
     */
    default void rehearseAfterRollback(PhoneNumber line, PhoneNumber caller) {
    }

    /** The warm-up is over: release what the rehearsals held (a loopback sink, say). */
    default void warmUpDone() {
    }
}
