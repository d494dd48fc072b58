package io.redial.crm.servicetitan.internal.client;

import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmUnavailable;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * ServiceTitan's v2 APIs for one tenant: every request carries the app key ({@code ST-App-Key}) and the
 * tenant's bearer token, names the tenant in its path ({@code /{module}/v2/tenant/{tenant}/…}) and first
 * takes a slot from core's throttle, which holds the app's per-tenant budget across all nodes.
 */
public final class ServiceTitanClient {

    private final RestClient http;
    private final String tenant;
    private final CrmThrottle throttle;

    public ServiceTitanClient(RestClient http, String appKey, String accessToken, String tenant, CrmThrottle throttle) {
        this.http = http.mutate().defaultHeader("ST-App-Key", appKey)
                .defaultHeader("Authorization", "Bearer " + accessToken).build();
        this.tenant = tenant;
        this.throttle = throttle;
    }

    /** {@code path} is below the tenant, e.g. {@code ("crm", "/customers")}; query values are sent as given. */
    public <T> T get(String module, String path, Map<String, ?> query, ParameterizedTypeReference<T> type) {
        throttle.acquire(CrmThrottle.DEFAULT);
        return call(() -> http.get().uri(b -> uri(b, module, path, query)).retrieve()
                .onStatus(HttpStatusCode::isError, ServiceTitanClient::fail).body(type));
    }

    public <T> T post(String module, String path, Object body, Class<T> type) {
        throttle.acquire(CrmThrottle.DEFAULT);
        return call(() -> http.post().uri(b -> uri(b, module, path, Map.of())).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().onStatus(HttpStatusCode::isError, ServiceTitanClient::fail).body(type));
    }

    /** Empty when ServiceTitan answers 409 (the record may no longer change, e.g. a converted booking). */
    public <T> Optional<T> patch(String module, String path, Object body, Class<T> type) {
        throttle.acquire(CrmThrottle.DEFAULT);
        return call(() -> http.patch().uri(b -> uri(b, module, path, Map.of())).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange((request, response) -> {
                    if (response.getStatusCode().value() == 409) {
                        return Optional.<T>empty();
                    }
                    if (response.getStatusCode().isError()) {
                        fail(request, response);
                    }
                    return Optional.ofNullable(response.bodyTo(type));
                }));
    }

    private java.net.URI uri(UriBuilder builder, String module, String path, Map<String, ?> query) {
        builder.path("/" + module + "/v2/tenant/{tenant}" + path);
        query.forEach((name, value) -> builder.queryParam(name, "{" + name + "}"));
        Map<String, Object> values = new java.util.HashMap<>(query);
        values.put("tenant", tenant);
        return builder.build(values);
    }

    private static void fail(org.springframework.http.HttpRequest request, ClientHttpResponse response)
            throws java.io.IOException {
        throw ServiceTitanErrors.map(response.getStatusCode().value(), response.getHeaders(), response.getBody().readAllBytes());
    }

    /** Timeouts and refused connections are "try again later". */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            throw new CrmUnavailable("ServiceTitan unreachable: " + e.getMostSpecificCause().getClass().getSimpleName(), null, e);
        }
    }
}
