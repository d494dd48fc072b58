package io.redial.crm.jobber.internal.client;

import io.redial.crm.CrmException;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmUnavailable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobber's GraphQL endpoint ({@code POST /api/graphql}) for one account's access token, with the pinned
 * {@code X-JOBBER-GRAPHQL-VERSION}. Every call first takes a slot from core's shared request budget, and
 * after it reads the cost extension (pausing every node when the cost bucket runs low) and the version
 * extension. Failures of any of Jobber's three channels come out as core's {@link CrmException}s.
 */
public final class JobberClient {

    public static final String VERSION_HEADER = "X-JOBBER-GRAPHQL-VERSION";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(JobberClient.class);

    private final RestClient http;
    private final CrmThrottle throttle;
    private final CostBudget cost;
    private final VersionWarnings versions;

    public JobberClient(RestClient http, String accessToken, String version, CrmThrottle throttle, CostBudget cost,
            VersionWarnings versions) {
        this.http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .defaultHeader(VERSION_HEADER, version).build();
        this.throttle = throttle;
        this.cost = cost;
        this.versions = versions;
    }

    /** Runs a query; its {@code data}. */
    public JsonNode query(JobberOperation operation, Map<String, ?> variables) {
        return call(operation, variables);
    }

    /** Runs a mutation; its payload, once {@code userErrors} showed it succeeded. */
    public JsonNode mutate(JobberOperation operation, Map<String, ?> variables) {
        String field = operation.payloadField();
        if (field == null) {
            throw new IllegalArgumentException(operation + " is a query");
        }
        JsonNode payload = call(operation, variables).path(field);
        CrmRejected refused = JobberErrors.forUserErrors(field, payload);
        if (refused != null) {
            throw refused;
        }
        return payload;
    }

    private JsonNode call(JobberOperation operation, Map<String, ?> variables) {
        throttle.acquire(CrmThrottle.DEFAULT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", operation.document());
        body.put("operationName", operation.operationName());
        body.put("variables", variables);
        JsonNode answer;
        try {
            answer = http.post().uri("/api/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .body(JSON.writeValueAsString(body))
                    .exchange((request, response) -> {
                        byte[] bytes = response.getBody().readAllBytes();
                        int status = response.getStatusCode().value();
                        JsonNode json = status == 200 ? readOrNull(bytes) : null;
                        if (json == null) {
                            throw JobberErrors.forStatus(status, response.getHeaders(), bytes);
                        }
                        return json;
                    });
        } catch (ResourceAccessException e) {
            throw new CrmUnavailable("Jobber unreachable: " + e.getMostSpecificCause().getClass().getSimpleName(), null, e);
        }
        JsonNode extensions = answer.path("extensions");
        try {
            cost.observe(extensions, throttle);
        } catch (RuntimeException pauseNotStored) {
            // Jobber has answered (a mutation has happened): failing now would make a retry write it twice.
            log.warn("could not share Jobber's low cost budget with the other nodes: {}", pauseNotStored.toString());
        }
        versions.observe(extensions);
        CrmException failed = JobberErrors.forErrors(answer);
        if (failed != null) {
            throw failed;
        }
        return answer.path("data");
    }

    private static JsonNode readOrNull(byte[] bytes) {
        try {
            JsonNode json = JSON.readTree(bytes);
            return json != null && json.isObject() && (json.has("data") || json.has("errors")) ? json : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
