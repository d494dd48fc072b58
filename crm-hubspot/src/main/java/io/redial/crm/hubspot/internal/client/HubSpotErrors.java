package io.redial.crm.hubspot.internal.client;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmException;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.RetryAfter;
import io.redial.crm.hubspot.internal.api.HubSpotError;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** HubSpot's answers mapped onto core's three outcomes. Only status, category and ids reach the message. */
public final class HubSpotErrors {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** A 429 without Retry-After: wait out the whole rolling window HubSpot names, else ten seconds. */
    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(10);
    private static final Duration SEARCH_RATE_LIMIT_WAIT = Duration.ofSeconds(1);
    private static final Duration LOCKED_WAIT = Duration.ofSeconds(2);
    private static final Duration MIGRATION_WAIT = Duration.ofMinutes(1);

    private HubSpotErrors() {
    }

    public static CrmException map(int status, HttpHeaders headers, byte[] body) {
        HubSpotError error = parse(body);
        String what = "HubSpot " + status + " " + describe(error);
        if (status == 401) {
            return new CrmAuthExpired(what, null);
        }
        if (status == 403 && error != null && "MISSING_SCOPES".equals(error.category())) {
            return new CrmAuthExpired(what + ": reconnect to grant the missing scopes", null);
        }
        if (status == 429) {
            return new CrmUnavailable(what, rateLimitWait(headers, error), null);
        }
        if (status >= 500) {
            return new CrmUnavailable(what, retryAfter(headers), null);
        }
        if (status == 423) { // the record is locked by another write: HubSpot asks for at least two seconds
            Duration hinted = retryAfter(headers);
            return new CrmUnavailable(what, hinted == null || hinted.compareTo(LOCKED_WAIT) < 0 ? LOCKED_WAIT : hinted, null);
        }
        if (status == 477) { // the portal is being migrated between data centres: come back when it says
            Duration hinted = retryAfter(headers);
            return new CrmUnavailable(what, hinted == null ? MIGRATION_WAIT : hinted, null);
        }
        return new CrmRejected(what, null);
    }

    /**
     * A search's answer: its 429 is the search API's own 5/s limit (answered without rate-limit headers), so only
     * searches pause, for about a second, while the connection's other requests go on.
     */
    public static CrmException mapSearch(int status, HttpHeaders headers, byte[] body) {
        if (status != 429) {
            return map(status, headers, body);
        }
        Duration hinted = retryAfter(headers);
        return new CrmUnavailable("HubSpot 429 " + describe(parse(body)) + " (search limit)",
                hinted == null ? SEARCH_RATE_LIMIT_WAIT : hinted, HubSpotClient.SEARCH_BUDGET, null);
    }

    /** One input's error in a batch answer (207), as its own request's answer would have been mapped. */
    public static CrmException forInput(@Nullable String status, @Nullable String category, @Nullable String message) {
        int code;
        try {
            code = status == null ? 400 : Integer.parseInt(status.trim());
        } catch (NumberFormatException notANumber) {
            code = 400;
        }
        HubSpotError error = new HubSpotError(status, message, category, null, null, null, null);
        String what = "HubSpot " + code + " " + describe(error);
        if (code == 429 || code == 423 || code == 477 || code >= 500) {
            return new CrmUnavailable(what, code == 423 ? LOCKED_WAIT : null, null);
        }
        return new CrmRejected(what, null);
    }

    private static Duration rateLimitWait(HttpHeaders headers, @Nullable HubSpotError error) {
        Duration hinted = retryAfter(headers);
        if (hinted != null) {
            return hinted;
        }
        if (error != null && "DAILY".equals(error.policyName())) {
            return Duration.ofHours(1);
        }
        String interval = headers.getFirst("X-HubSpot-RateLimit-Interval-Milliseconds");
        try {
            return interval == null ? DEFAULT_RATE_LIMIT_WAIT : Duration.ofMillis(Long.parseLong(interval.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_RATE_LIMIT_WAIT;
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date (parsed by core, as for every adapter). */
    static @Nullable Duration retryAfter(HttpHeaders headers) {
        return RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER));
    }

    private static @Nullable HubSpotError parse(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readValue(body, HubSpotError.class);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String describe(@Nullable HubSpotError error) {
        if (error == null) {
            return "(no HubSpot error body)";
        }
        String kind = error.category() != null ? error.category() : error.errorType();
        return kind + (error.message() == null ? "" : ": " + abbreviate(error.message()))
                + (error.correlationId() == null ? "" : " [correlationId " + error.correlationId() + "]");
    }

    /** Validation messages may quote property values: phone numbers are masked, and the text kept short. */
    static String abbreviate(String message) {
        String masked = PHONE_LIKE.matcher(message).replaceAll(m -> "…" + m.group().substring(m.group().length() - 2));
        return masked.length() <= 300 ? masked : masked.substring(0, 300) + "…";
    }

    private static final java.util.regex.Pattern PHONE_LIKE = java.util.regex.Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");
}
