package io.redial.conversations;

import org.jspecify.annotations.Nullable;

/** The carrier did not take a text. {@code retryable} says whether trying again later may help. */
public class TextSendFailed extends RuntimeException {

    private final @Nullable String carrierCode;
    private final boolean retryable;

    public TextSendFailed(String message, @Nullable String carrierCode, boolean retryable, @Nullable Throwable cause) {
        super(message, cause);
        this.carrierCode = carrierCode;
        this.retryable = retryable;
    }

    public @Nullable String carrierCode() {
        return carrierCode;
    }

    public boolean retryable() {
        return retryable;
    }
}
