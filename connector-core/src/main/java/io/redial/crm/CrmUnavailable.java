package io.redial.crm;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Try again later: throttled, down, timed out. {@code retryAfter} is the CRM's own hint when it gave one; it
 * pauses the whole connection, or only the requests of {@code bucket} when the CRM limited just those.
 */
public final class CrmUnavailable extends CrmException {

    private final @Nullable Duration retryAfter;
    private final String bucket;

    public CrmUnavailable(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        this(message, retryAfter, CrmThrottle.DEFAULT, cause);
    }

    public CrmUnavailable(String message, @Nullable Duration retryAfter, String bucket, @Nullable Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.bucket = bucket;
    }

    /** The requests the pause is for: {@link CrmThrottle#DEFAULT} means every request of the connection. */
    public String bucket() {
        return bucket;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
