package io.redial.crm.hubspot.internal.client;

import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.hubspot.internal.api.BatchInput;
import io.redial.crm.hubspot.internal.api.BatchResult;
import io.redial.crm.hubspot.internal.api.CreateObject;
import io.redial.crm.hubspot.internal.api.HubSpotObject;
import io.redial.crm.hubspot.internal.api.SearchRequest;
import io.redial.crm.hubspot.internal.api.SearchResult;
import io.redial.crm.hubspot.internal.api.UpdateObject;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * HubSpot's CRM objects API (date-versioned {@code 2026-03} paths) for one portal's access token. Every
 * request first takes a slot from core's throttle; searches also from HubSpot's stricter search budget.
 */
public final class HubSpotClient {

    public static final String SEARCH_BUDGET = "search";
    private static final String OBJECTS = "/crm/objects/2026-03/";
    private static final String PROPERTIES = "/crm/properties/2026-03/";

    private final RestClient http;
    private final CrmThrottle throttle;

    public HubSpotClient(RestClient http, String accessToken, CrmThrottle throttle) {
        this.http = http.mutate().defaultHeader("Authorization", "Bearer " + accessToken).build();
        this.throttle = throttle;
    }

    public HubSpotObject create(String objectType, CreateObject body) {
        throttle.acquire(CrmThrottle.DEFAULT);
        return call(() -> http.post().uri(OBJECTS + objectType).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().onStatus(HttpStatusCode::isError, HubSpotClient::fail).body(HubSpotObject.class));
    }

    /** Empty when HubSpot no longer has the object (deleted or merged away). */
    public Optional<HubSpotObject> update(String objectType, String id, Map<String, String> properties) {
        throttle.acquire(CrmThrottle.DEFAULT);
        return call(() -> http.patch().uri(OBJECTS + objectType + "/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(new UpdateObject(properties))
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == 404) {
                        return Optional.<HubSpotObject>empty();
                    }
                    if (response.getStatusCode().isError()) {
                        throw HubSpotErrors.map(response.getStatusCode().value(), response.getHeaders(),
                                response.getBody().readAllBytes());
                    }
                    return Optional.ofNullable(response.bodyTo(HubSpotObject.class));
                }));
    }

    public SearchResult search(String objectType, SearchRequest request) {
        throttle.acquire(SEARCH_BUDGET);
        return call(() -> http.post().uri(OBJECTS + objectType + "/search").contentType(MediaType.APPLICATION_JSON)
                .body(request).retrieve().onStatus(HttpStatusCode::isError, (req, response) -> {
                    throw HubSpotErrors.mapSearch(response.getStatusCode().value(), response.getHeaders(),
                            response.getBody().readAllBytes());
                }).body(SearchResult.class));
    }

    /** A batch create or upsert ({@code operation} "create" or "upsert"); a 207 answer is returned, not thrown. */
    public BatchResult batch(String objectType, String operation, BatchInput body) {
        throttle.acquire(CrmThrottle.DEFAULT);
        return call(() -> http.post().uri(OBJECTS + objectType + "/batch/" + operation).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().onStatus(HttpStatusCode::isError, HubSpotClient::fail).body(BatchResult.class));
    }

    /** Creates a contact property; true when HubSpot made it, false when it already existed (409). */
    public boolean createProperty(String objectType, Map<String, Object> property) {
        throttle.acquire(CrmThrottle.DEFAULT);
        return call(() -> http.post().uri(PROPERTIES + objectType).contentType(MediaType.APPLICATION_JSON).body(property)
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == 409) {
                        return false;
                    }
                    if (response.getStatusCode().isError()) {
                        throw HubSpotErrors.map(response.getStatusCode().value(), response.getHeaders(),
                                response.getBody().readAllBytes());
                    }
                    return true;
                }));
    }

    private static void fail(org.springframework.http.HttpRequest request,
            org.springframework.http.client.ClientHttpResponse response) throws java.io.IOException {
        throw HubSpotErrors.map(response.getStatusCode().value(), response.getHeaders(), response.getBody().readAllBytes());
    }

    /** Timeouts and refused connections are "try again later". */
    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            throw new CrmUnavailable("HubSpot unreachable: " + e.getMostSpecificCause().getClass().getSimpleName(), null, e);
        }
    }
}
