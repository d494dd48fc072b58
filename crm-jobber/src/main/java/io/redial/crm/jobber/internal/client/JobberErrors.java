package io.redial.crm.jobber.internal.client;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmException;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobber's three failure channels (HTTP status, GraphQL {@code errors}, a mutation's {@code userErrors})
 * mapped onto core's outcomes. Messages carry Jobber's words, which name fields, never a caller's data.
 */
public final class JobberErrors {

    /** A 429 from Jobber's request guard (2,500 per 5 minutes) without Retry-After: a tenth of its window. */
    static final Duration REQUEST_GUARD_WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JobberErrors() {
    }

    /** An answer other than 200, or a 200 whose body is not GraphQL. */
    static CrmException forStatus(int status, HttpHeaders headers, byte[] body) {
        JsonNode json = parse(body);
        String message = message(json);
        if (status == 429 || throttled(json)) {
            return throttled(json) ? throttledError(json)
                    : new CrmUnavailable("Jobber 429: too many requests", retryAfter(headers, REQUEST_GUARD_WAIT), null);
        }
        if (status == 401 || disconnected(message)) {
            return new CrmAuthExpired("Jobber " + status + ": " + orElse(message, "the access token was refused"), null);
        }
        if (status >= 500) {
            return new CrmUnavailable("Jobber " + status + ": " + orElse(message, "server error"), retryAfter(headers, null), null);
        }
        return new CrmRejected("Jobber " + status + ": " + orElse(message, "request refused"), null);
    }

    /** The {@code errors} of a 200 answer; null when there are none. */
    static @Nullable CrmException forErrors(JsonNode answer) {
        JsonNode errors = answer.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return null;
        }
        if (throttled(answer)) {
            return throttledError(answer);
        }
        String message = message(answer);
        String codes = codes(errors);
        if (codes.contains("UNAUTHENTICATED") || disconnected(message)) {
            return new CrmAuthExpired("Jobber: " + message, null);
        }
        if (codes.contains("ACCESS_DENIED") || message.toLowerCase(Locale.ROOT).contains("permission")) {
            return new CrmAuthExpired("Jobber: " + message + " (reconnect Jobber to grant the scopes Redial needs)", null);
        }
        if (codes.contains("INTERNAL_SERVER_ERROR") || codes.contains("SERVICE_UNAVAILABLE")) {
            return new CrmUnavailable("Jobber: " + message, null, null);
        }
        return new CrmRejected("Jobber refused the request: " + message, null);
    }

    /** A mutation's {@code userErrors}; null when it succeeded. */
    static @Nullable CrmRejected forUserErrors(String mutation, JsonNode payload) {
        JsonNode userErrors = payload.path("userErrors");
        if (!userErrors.isArray() || userErrors.isEmpty()) {
            return null;
        }
        List<String> each = new ArrayList<>();
        for (JsonNode error : userErrors) {
            List<String> path = new ArrayList<>();
            error.path("path").forEach(p -> path.add(p.asString()));
            each.add(error.path("message").asString("?") + (path.isEmpty() ? "" : " (" + String.join(".", path) + ")"));
        }
        return new CrmRejected("Jobber " + mutation + ": " + String.join("; ", each), null);
    }

    private static CrmUnavailable throttledError(JsonNode answer) {
        return new CrmUnavailable("Jobber THROTTLED: the query cost budget is spent",
                CostBudget.refillFor(answer.path("extensions").path("cost")), null);
    }

    static boolean throttled(JsonNode answer) {
        for (JsonNode error : answer.path("errors")) {
            if ("THROTTLED".equals(error.path("extensions").path("code").asString(""))) {
                return true;
            }
        }
        return false;
    }

    private static boolean disconnected(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("disconnected this app") || lower.contains("account is not active");
    }

    private static String codes(JsonNode errors) {
        StringBuilder codes = new StringBuilder();
        errors.forEach(e -> codes.append(e.path("extensions").path("code").asString("")).append(' '));
        return codes.toString();
    }

    /** The first message Jobber gave, in any of its shapes ({@code errors[]}, {@code message}, {@code error.message}). */
    private static String message(JsonNode json) {
        if (json.path("errors").isArray() && !json.path("errors").isEmpty()) {
            List<String> messages = new ArrayList<>();
            json.path("errors").forEach(e -> messages.add(e.path("message").asString("")));
            return String.join("; ", messages);
        }
        if (json.path("message").isString()) {
            return json.path("message").asString();
        }
        return json.path("error").path("message").asString(json.path("error").isString() ? json.path("error").asString() : "");
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static @Nullable Duration retryAfter(HttpHeaders headers, @Nullable Duration fallback) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        try {
            return value == null || value.isBlank() ? fallback : Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            return fallback;
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
