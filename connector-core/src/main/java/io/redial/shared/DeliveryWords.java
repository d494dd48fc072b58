package io.redial.shared;

import org.jspecify.annotations.Nullable;

/**
 * One word per delivery state of a text, the same on every screen: the carrier's report when there is one,
 * else our send ledger's state. "sent" means handed to the carrier, "delivered" that the phone got it.
 */
public final class DeliveryWords {

    private DeliveryWords() {
    }

    public static String of(@Nullable String sendState, @Nullable String carrierStatus) {
        String state = (carrierStatus != null ? carrierStatus : sendState == null ? "" : sendState).toLowerCase();
        return switch (state) {
            case "" -> "no text";
            case "pending", "queued", "accepted", "scheduled" -> "waiting to send";
            case "sending" -> "sending";
            case "sent" -> "sent";
            case "delivered", "read" -> "delivered";
            case "undelivered" -> "not delivered";
            case "failed", "canceled" -> "failed";
            case "received", "receiving" -> "received";
            default -> state.replace('_', ' ');
        };
    }

    /** Whether the word means the text did not reach the caller. */
    public static boolean bad(String word) {
        return word.equals("not delivered") || word.equals("failed");
    }
}
