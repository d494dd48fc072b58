package io.redial.crm.servicetitan.internal.client;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmException;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.RetryAfter;
import io.redial.crm.servicetitan.internal.api.ApiError;
import java.time.Duration;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * ServiceTitan's answers mapped onto core's outcomes. Messages carry the status, the problem title, the
 * names of the fields it refused and the trace id, never the field messages (they may quote a phone number).
 */
public final class ServiceTitanErrors {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** ServiceTitan counts per second; without a Retry-After, one second is the window to wait out. */
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(1);

    private ServiceTitanErrors() {
    }

    public static CrmException map(int status, HttpHeaders headers, byte[] body) {
        String what = "ServiceTitan " + status + " " + describe(parse(body));
        if (status == 401 || status == 403) {
            // 403: the tenant took back the app's access or a scope; only a reconnect helps.
            return new CrmAuthExpired(what, null);
        }
        if (status == 429) {
            Duration hinted = retryAfter(headers);
            return new CrmUnavailable(what, hinted != null ? hinted : DEFAULT_RATE_LIMIT_WAIT, null);
        }
        if (status >= 500 || status == 408) {
            return new CrmUnavailable(what, retryAfter(headers), null);
        }
        return new CrmRejected(what, null);
    }

    /** {@code Retry-After} in seconds or as an HTTP date (parsed by core, as for every adapter). */
    static @Nullable Duration retryAfter(HttpHeaders headers) {
        return RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER));
    }

    private static @Nullable ApiError parse(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readValue(body, ApiError.class);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String describe(@Nullable ApiError error) {
        if (error == null) {
            return "(no ServiceTitan error body)";
        }
        String fields = error.errors() == null || error.errors().isEmpty() ? ""
                : " in " + String.join(", ", new TreeSet<>(error.errors().keySet()));
        return (error.title() == null ? "error" : abbreviate(error.title())) + fields
                + (error.traceId() == null ? "" : " [traceId " + error.traceId() + "]");
    }

    private static String abbreviate(String text) {
        String masked = PHONE_LIKE.matcher(text).replaceAll(m -> "…" + m.group().substring(m.group().length() - 2));
        return masked.length() <= 200 ? masked : masked.substring(0, 200) + "…";
    }

    private static final java.util.regex.Pattern PHONE_LIKE = java.util.regex.Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");
}
