package io.redial.crm.hubspot;

import io.redial.crm.CrmJournal;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.hubspot.internal.client.HubSpotErrors;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HubSpot's Webhooks Journal (2026-03), where an app uninstall is reported (APP_LIFECYCLE_EVENT, event type
 * {@code 4-1916193}; CRM-APIS-2.md §C4): read with an app client-credentials token holding
 * {@code developer.webhooks_journal.read}, entry by entry: {@code earliest}, then {@code offset/{offset}/next}, each
 * answer naming its {@code currentOffset} and a pre-signed {@code url} of the entry's JSON file, fetched without an
 * Authorization header (HubSpot's journal reference; {@code JournalFetchResponse} in webhooks-journal-2026-03.json). A
 * 404 or 204 is taken as nothing new: HubSpot documents 404 only for an offset expired or unknown, and no answer for
 * "no newer entry". The entry file's shape is in neither the spec nor the guide: any object in it whose
 * {@code action} is {@code APP_UNINSTALL} or whose event type is {@code 4-1916193} names the portal that uninstalled
 * by {@code portalId} (or {@code installPortalId}).
 */
final class HubSpotJournal implements CrmJournal {

    static final String UNINSTALL_EVENT_TYPE = "4-1916193";
    private static final String JOURNAL = "/webhooks-journal/journal/2026-03/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient api;
    private final RestClient files;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private @Nullable String token;
    private Instant tokenExpires = Instant.MIN;

    HubSpotJournal(RestClient api, RestClient files, String clientId, String clientSecret, Clock clock) {
        this.api = api;
        this.files = files;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public Optional<Entry> next(@Nullable String offset) {
        String path = offset == null ? JOURNAL + "earliest" : JOURNAL + "offset/{offset}/next";
        JsonNode answer = call(() -> api.get().uri(path, offset == null ? new Object[0] : new Object[] {offset})
                .header("Authorization", "Bearer " + token())
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 404 || status == 204) {
                        return null;
                    }
                    if (response.getStatusCode().isError()) {
                        throw HubSpotErrors.map(status, response.getHeaders(), response.getBody().readAllBytes());
                    }
                    return JSON.readTree(response.getBody());
                }));
        if (answer == null) {
            return Optional.empty();
        }
        String current = answer.path("currentOffset").asString("");
        String url = answer.path("url").asString("");
        if (current.isEmpty() || url.isEmpty()) {
            throw new CrmUnavailable("HubSpot's journal answered without currentOffset or url", null, null);
        }
        String file = call(() -> files.get().uri(URI.create(url)).retrieve().body(String.class));
        return Optional.of(new Entry(current, uninstalledPortals(file == null ? "" : file)));
    }

    /** Portals an entry file reports as having uninstalled the app, wherever in the file the events sit. */
    static List<String> uninstalledPortals(String file) {
        Set<String> portals = new LinkedHashSet<>();
        if (!file.isBlank()) {
            collect(JSON.readTree(file), portals);
        }
        return new ArrayList<>(portals);
    }

    private static void collect(JsonNode node, Set<String> portals) {
        if (node.isObject()) {
            boolean uninstall = "APP_UNINSTALL".equalsIgnoreCase(node.path("action").asString(""))
                    || UNINSTALL_EVENT_TYPE.equals(node.path("eventTypeId").asString(""));
            JsonNode portal = node.hasNonNull("portalId") ? node.get("portalId") : node.get("installPortalId");
            if (uninstall && portal != null && !portal.isNull()) {
                portals.add(portal.asString());
            }
            node.values().forEach(child -> collect(child, portals));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, portals));
        }
    }

    /** An app token by client credentials, kept until a minute before it expires. */
    private synchronized String token() {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        form.add("scope", "developer.webhooks_journal.read");
        JsonNode answer = call(() -> api.post().uri("/oauth/2026-03/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw HubSpotErrors.map(response.getStatusCode().value(), response.getHeaders(),
                                response.getBody().readAllBytes());
                    }
                    return JSON.readTree(response.getBody());
                }));
        token = answer.path("access_token").asString("");
        tokenExpires = clock.instant().plusSeconds(Math.max(0, answer.path("expires_in").asLong(0) - 60));
        return token;
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            throw new CrmUnavailable("HubSpot journal unreachable: " + e.getMostSpecificCause().getClass().getSimpleName(), null, e);
        }
    }
}
