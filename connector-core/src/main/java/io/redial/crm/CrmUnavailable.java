package io.redial.crm;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Try again later: throttled, down, timed out. {@code retryAfter} is the CRM's own hint when it gave one. */
public final class CrmUnavailable extends CrmException {

    private final @Nullable Duration retryAfter;

    public CrmUnavailable(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
