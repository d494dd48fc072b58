package io.redial.lines;

import org.jspecify.annotations.Nullable;

/**
 * What a check found about one line: its state, what kind of sender it is, the carrier's own words
 * ({@code detail}: campaign, brand or verification status and any rejection reason) and, when the
 * registration says, the messages per second it grants.
 */
public record Registration(State state, SenderKind kind, @Nullable String detail, @Nullable Integer messagesPerSecond) {

    public enum State {
        NOT_REGISTERED, PENDING, APPROVED, REJECTED,
        /** Not checked yet, or the carrier could not be asked: nothing is known to block the line. */
        UNKNOWN;

        /** Whether texts from the line can be expected to reach US phones. */
        public boolean maySend() {
            return this == APPROVED || this == UNKNOWN;
        }
    }

    /** A local (10DLC) number needs an A2P campaign; a toll-free number needs a toll-free verification. */
    public enum SenderKind { LOCAL, TOLL_FREE }
}
