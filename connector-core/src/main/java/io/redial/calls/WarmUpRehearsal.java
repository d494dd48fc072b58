package io.redial.calls;

/**
 * More of a missed call's path than the webhook, rehearsed by the start-up warm-up ({@code WebhookWarmUp}) right
 * after the call is decided, inside the round's transaction, which is rolled back. Lets a module past the webhook
 * (the text-back's decision) run its code before the node takes traffic, without {@code calls} knowing it.
 */
public interface WarmUpRehearsal {

    /** Runs what follows the decision of the missed call {@code callId}; must not reach the outside world. */
    void rehearse(long callId);
}
