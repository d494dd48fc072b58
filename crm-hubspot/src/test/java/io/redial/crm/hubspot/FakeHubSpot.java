package io.redial.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.redial.shared.PhoneNumber;
import io.redial.testing.FakeService;
import io.redial.testing.FormBody;
import io.redial.testing.Outage;
import io.redial.testing.RateWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * HubSpot's CRM objects API and OAuth token endpoint on loopback, checking what HubSpot checks: the
 * bearer token, both {@code properties} and {@code associations} on creates, {@code hs_timestamp} on
 * activities, known properties and enum values, association type ids, search limits. Errors come in
 * HubSpot's shapes; the 10-second and search budgets answer 429 with HubSpot's rate-limit headers.
 */
public final class FakeHubSpot implements FakeService {

    public static final String CLIENT_ID = "fake-client-id";
    public static final String CLIENT_SECRET = "fake-client-secret";
    public static final long HUB_ID = 4242;

    public record Association(String toId, String category, int typeId) {
    }

    public record Stored(String type, String id, Map<String, String> properties, List<Association> associations,
            Instant createdAt) {
    }

    private record Scripted(int status, Integer retryAfter, boolean validation, long delayMillis) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Set<String>> PROPERTIES = Map.of(
            "contacts", Set.of("firstname", "lastname", "phone", "mobilephone", "address", "city", "state", "zip", "email",
                    "company", "lifecyclestage", "hs_lead_status", "createdate"),
            "calls", Set.of("hs_timestamp", "hs_call_title", "hs_call_direction", "hs_call_from_number",
                    "hs_call_to_number", "hs_call_body", "hs_call_status", "hs_call_duration"),
            "notes", Set.of("hs_timestamp", "hs_note_body"),
            "meetings", Set.of("hs_timestamp", "hs_meeting_title", "hs_meeting_body", "hs_meeting_start_time",
                    "hs_meeting_end_time", "hs_meeting_location", "hs_meeting_outcome", "hs_internal_meeting_notes"),
            "tasks", Set.of("hs_timestamp", "hs_task_subject", "hs_task_body", "hs_task_status", "hs_task_priority",
                    "hs_task_type"),
            "0-3", Set.of("dealname", "pipeline", "dealstage", "amount", "closedate", "description"));
    private static final Map<String, Integer> ASSOCIATION_TO_CONTACT = Map.of("calls", 194, "notes", 202, "tasks", 204, "0-3", 3,
            "meetings", 200);
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "hs_call_direction", Set.of("INBOUND", "OUTBOUND"),
            "hs_meeting_outcome", Set.of("SCHEDULED", "COMPLETED", "RESCHEDULED", "NO_SHOW", "CANCELED"),
            "hs_task_status", Set.of("NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"),
            "hs_task_priority", Set.of("NONE", "LOW", "MEDIUM", "HIGH"),
            "hs_task_type", Set.of("EMAIL", "CALL", "TODO"),
            "lifecyclestage", Set.of("subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity",
                    "customer", "evangelist", "other"),
            "hs_lead_status", Set.of("NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT",
                    "CONNECTED", "BAD_TIMING"));
    private static final List<String> LIFECYCLE = List.of("subscriber", "lead", "marketingqualifiedlead",
            "salesqualifiedlead", "opportunity", "customer", "evangelist");

    private final WireMockServer server;
    private final Map<String, Stored> objects = new ConcurrentHashMap<>();
    /** A merged record's id → the id of the record it was merged into ("type:id" keys), as HubSpot keeps them. */
    private final Map<String, String> mergedInto = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> pipelines = new ConcurrentHashMap<>(Map.of("default", Set.of(
            "appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent",
            "closedwon", "closedlost")));
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> appTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger journalFileReads = new AtomicInteger();
    private final List<Map.Entry<String, String>> journalEntries = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    /** By type (and "/batch/create"): how the next create's answer is lost, a delay or {@link #RESET}. */
    private final Map<String, Duration> lostAnswers = new ConcurrentHashMap<>();
    private static final Duration RESET = Duration.ofMillis(-1);
    private static final java.util.regex.Pattern CREATE = java.util.regex.Pattern.compile(
            "/crm/objects/2026-03/([^/]+(?:/batch/create)?)");
    private volatile boolean schemaScope = true;
    private final RateWindow recent = new RateWindow(Duration.ofSeconds(10));
    private final RateWindow recentSearches = new RateWindow(Duration.ofSeconds(1));
    private final AtomicLong ids = new AtomicLong(5100);
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final AtomicInteger crmRequests = new AtomicInteger();
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicInteger batchRequests = new AtomicInteger();
    private final Set<String> customContactProperties = ConcurrentHashMap.newKeySet();
    private final Set<String> rejectedUpserts = ConcurrentHashMap.newKeySet();
    private final Set<String> uniqueContactProperties = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> tooManyByPolicy = new ConcurrentHashMap<>();
    /** HubSpot's limits for a marketplace app's installing account (CRM-APIS-2.md §C3); the app budgets under them. */
    private volatile int requestsPer10s = 110;
    private volatile int searchesPerSecond = 5;
    private volatile Duration searchIndexLag = Duration.ZERO;
    private volatile long accessTokenSeconds = 1800;
    private volatile @org.jspecify.annotations.Nullable String recordUrlBase;

    public FakeHubSpot() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new Api()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Api.NAME)));
    }

    /** The app's CRM settings: this fake's client credentials and base URLs. */
    @Override
    public Map<String, String> appProperties() {
        return Map.of("redial.crm.hubspot.client-id", CLIENT_ID,
                "redial.crm.hubspot.client-secret", CLIENT_SECRET,
                "redial.crm.hubspot.api-base-url", baseUrl());
    }

    /** The CRM goes down (every connection reset) until the outage is closed. */
    public Outage outage() {
        return Outage.of(server);
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** An access token the fake accepts, as if an install had happened. */
    public String issueAccessToken() {
        String token = "pat-na1-" + UUID.randomUUID();
        accessTokens.add(token);
        return token;
    }

    public void revokeAccessTokens() {
        accessTokens.clear();
    }

    /** Uninstall: every refresh token dies, as do the access tokens. */
    public void uninstall() {
        refreshTokens.clear();
        accessTokens.clear();
    }

    /** The user consented on HubSpot's page; this is the code HubSpot puts on our callback. */
    public String consent(String redirectUri) {
        String code = "code-" + UUID.randomUUID();
        codes.put(code, redirectUri);
        return code;
    }

    public void accessTokensLast(Duration lifetime) {
        accessTokenSeconds = lifetime.toSeconds();
    }

    public void nextRequestFails(int status, Integer retryAfterSeconds) {
        scripted.add(new Scripted(status, retryAfterSeconds, false, 0));
    }

    public void nextRequestFailsValidation() {
        scripted.add(new Scripted(400, null, true, 0));
    }

    /**
     * The next create of {@code type} (a batch create when {@code batch}) is written, but its answer comes only after
     * {@code delay}: longer than the client waits, it is lost (a timeout after HubSpot wrote the records).
     */
    public void nextCreateAnswersAfter(String type, boolean batch, Duration delay) {
        lostAnswers.put(createKey(type, batch), delay);
    }

    /** The next create of {@code type} (a batch create when {@code batch}) is written, then the connection is reset. */
    public void nextCreateAnswerReset(String type, boolean batch) {
        lostAnswers.put(createKey(type, batch), RESET);
    }

    /**
     * From now on contacts and deals are answered with the spec's optional {@code url} (SimplePublicObject,
     * SimplePublicUpsertObject), their page at {@code appBase} (e.g. a portal on the EU data centre,
     * {@code https://app-eu1.hubspot.com}); by default answers carry none.
     */
    public void answerRecordUrlsOn(String appBase) {
        recordUrlBase = appBase;
    }

    /** The portal did not grant {@code crm.schemas.contacts.write}: making a contact property answers 403. */
    public void withoutSchemaScope() {
        schemaScope = false;
    }

    private static String createKey(String type, boolean batch) {
        return type + (batch ? "/batch/create" : "");
    }

    public void nextRequestTakes(Duration delay) {
        scripted.add(new Scripted(200, null, false, delay.toMillis()));
    }

    /** Upserts of this number fail validation, as HubSpot fails one input of a batch (207). */
    public void rejectUpsertsOf(PhoneNumber phone) {
        rejectedUpserts.add(phone.e164());
    }

    public void limitRequests(int per10Seconds, int searchesPerSecond) {
        this.requestsPer10s = per10Seconds;
        this.searchesPerSecond = searchesPerSecond;
    }

    /** New records reach search only after this long, as HubSpot's index does. */
    public void searchIndexLag(Duration lag) {
        searchIndexLag = lag;
    }

    public void addPipeline(String id, Set<String> stages) {
        pipelines.put(id, stages);
    }

    /**
     * Merges contact {@code fromId} into {@code intoId}, as an office manager does in HubSpot: the old id keeps
     * answering, with the surviving record, whose {@code hs_merged_object_ids} names it.
     */
    public void mergeContacts(String fromId, String intoId) {
        objects.remove("contacts:" + fromId);
        mergedInto.put("contacts:" + fromId, "contacts:" + intoId);
        Stored into = objects.get("contacts:" + intoId);
        Map<String, String> properties = new LinkedHashMap<>(into.properties());
        properties.merge("hs_merged_object_ids", fromId, (a, b) -> a + ";" + b);
        objects.put("contacts:" + intoId, new Stored(into.type(), into.id(), properties, into.associations(), into.createdAt()));
    }

    public String seedContact(Map<String, String> properties) {
        return store("contacts", properties, List.of(), Instant.EPOCH).id();
    }

    public List<Stored> contactsWithPhone(PhoneNumber phone) {
        return objects.values().stream().filter(o -> o.type().equals("contacts"))
                .filter(o -> phone.equals(parse(o.properties().get("phone"))) || phone.equals(parse(o.properties().get("mobilephone"))))
                .toList();
    }

    public List<Stored> associatedWith(String contactId) {
        return objects.values().stream()
                .filter(o -> o.associations().stream().anyMatch(a -> a.toId().equals(contactId)))
                .sorted(Comparator.comparing(Stored::createdAt)).toList();
    }

    public List<Stored> all(String type) {
        return objects.values().stream().filter(o -> o.type().equals(type)).toList();
    }

    public int tooManyRequests() {
        return tooManyRequests.get();
    }

    /** 429s the budgets answered, by HubSpot policy name (scripted ones are not counted here). */
    public Map<String, Integer> tooManyRequestsByPolicy() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        tooManyByPolicy.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /**
     * Sends a few requests through the fake and forgets them, so a measurement does not count the
     * fake's own first-request warm-up (a real HubSpot is warm).
     */
    /** Records in the Webhooks Journal that {@code portalId} uninstalled the app (APP_LIFECYCLE_EVENT 4-1916193). */
    public void journalUninstall(long portalId) {
        journalEntries.add(Map.entry(UUID.randomUUID().toString(), write(List.of(Map.of("portalId", portalId, "appId", 991,
                "subscriptionType", "APP_LIFECYCLE_EVENT", "eventTypeId", "4-1916193", "action", "APP_UNINSTALL",
                "occurredAt", Instant.now().toEpochMilli())))));
    }

    /** An entry about something else (a contact changed). */
    public void journalOther(long portalId) {
        journalEntries.add(Map.entry(UUID.randomUUID().toString(), write(List.of(Map.of("portalId", portalId,
                "subscriptionType", "OBJECT", "objectTypeId", "0-1", "action", "UPDATE", "objectId", 5101)))));
    }

    private ResponseDefinition journal(String path) {
        int next;
        if (path.equals("/webhooks-journal/journal/2026-03/earliest")) {
            next = 0;
        } else if (path.matches("/webhooks-journal/journal/2026-03/offset/[^/]+/next")) {
            String offset = path.split("/")[5];
            int at = -1;
            for (int i = 0; i < journalEntries.size(); i++) {
                at = journalEntries.get(i).getKey().equals(offset) ? i : at;
            }
            if (at < 0) {
                return error(404, "OBJECT_NOT_FOUND", "offset unknown or expired");
            }
            next = at + 1;
        } else {
            return error(404, "OBJECT_NOT_FOUND", "No route for " + path);
        }
        if (next >= journalEntries.size()) {
            return error(404, "OBJECT_NOT_FOUND", "no entry after this offset yet");
        }
        String offset = journalEntries.get(next).getKey();
        return json(200, Map.of("currentOffset", offset, "expiresAt", Instant.now().plusSeconds(300).toString(),
                "url", baseUrl() + "/journal-files/" + offset + ".json"));
    }

    public int journalFileReads() {
        return journalFileReads.get();
    }

    private ResponseDefinition journalFile(String name) {
        journalFileReads.incrementAndGet();
        return journalEntries.stream().filter(e -> (e.getKey() + ".json").equals(name)).findFirst()
                .map(e -> json(200, JSON.readTree(e.getValue()))).orElseGet(() -> error(404, "OBJECT_NOT_FOUND", "expired"));
    }

    public void warmUp() throws Exception {
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String token = issueAccessToken();
        for (int i = 0; i < 20; i++) {
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/crm/objects/2026-03/contacts/search"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"filterGroups\":[],\"limit\":1}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
        Thread.sleep(10_000); // let the rolling windows empty
        synchronized (this) {
            recent.clear();
            recentSearches.clear();
        }
        tooManyRequests.set(0);
        tooManyByPolicy.clear();
        crmRequests.set(0);
        searches.set(0);
        batchRequests.set(0);
    }

    /** Calls to the OAuth token endpoint (code exchanges and refreshes). */
    /** Every request this fake received, in order, for the conformance test. */
    public List<HubSpotSpecs.Request> received() {
        List<HubSpotSpecs.Request> received = new ArrayList<>();
        for (var event : server.getAllServeEvents()) {
            Request request = event.getRequest();
            String[] url = request.getUrl().split("\\?", 2);
            Map<String, String> query = new LinkedHashMap<>();
            if (url.length > 1) {
                for (String pair : url[1].split("&")) {
                    query.put(pair.split("=", 2)[0], pair.contains("=") ? pair.split("=", 2)[1] : "");
                }
            }
            received.add(new HubSpotSpecs.Request(request.getMethod().getName(), url[0], query, request.getBodyAsString()));
        }
        return received.reversed(); // WireMock lists the newest first
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int crmRequests() {
        return crmRequests.get();
    }

    /** Search requests (part of {@link #crmRequests()}). */
    public int searches() {
        return searches.get();
    }

    /** Batch create and upsert requests (part of {@link #crmRequests()}). */
    public int batchRequests() {
        return batchRequests.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Api implements ResponseDefinitionTransformerV2 {
        static final String NAME = "hubspot-api";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String path = request.getUrl().split("\\?")[0];
            if (path.equals("/oauth/2026-03/token") && request.getMethod().getName().equals("POST")) {
                tokenRequests.incrementAndGet();
                return token(form(request.getBodyAsString()));
            }
            if (path.startsWith("/journal-files/")) { // the pre-signed entry files: fetched without Authorization
                return request.getHeader("Authorization") != null
                        ? error(400, "VALIDATION_ERROR", "pre-signed URLs take no Authorization header")
                        : journalFile(path.substring("/journal-files/".length()));
            }
            if (path.startsWith("/webhooks-journal/")) {
                String bearer = request.getHeader("Authorization");
                if (bearer == null || !appTokens.contains(bearer.replace("Bearer ", ""))) {
                    return error(401, "INVALID_AUTHENTICATION", "The journal needs an app client-credentials token");
                }
                return journal(path);
            }
            if (!path.startsWith("/crm/")) {
                return error(404, "OBJECT_NOT_FOUND", "No route for " + path);
            }
            crmRequests.incrementAndGet();
            if (path.endsWith("/search")) {
                searches.incrementAndGet();
            }
            String auth = request.getHeader("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !accessTokens.contains(auth.substring(7))) {
                return error(401, "INVALID_AUTHENTICATION",
                        "Authentication credentials not found. This API supports OAuth 2.0 authentication.");
            }
            java.util.regex.Matcher create = CREATE.matcher(path);
            Duration lost = create.matches() && request.getMethod().getName().equals("POST")
                    ? lostAnswers.remove(create.group(1)) : null;
            if (lost != null) {
                ResponseDefinition written = route(request, path);
                return lost == RESET ? aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build()
                        : withDelay(written, lost.toMillis());
            }
            Scripted next = scripted.poll();
            if (next != null && next.delayMillis() > 0) {
                return withDelay(route(request, path), next.delayMillis());
            }
            boolean search = path.endsWith("/search");
            if (next != null) {
                return scriptedFailure(next, search);
            }
            ResponseDefinition limited = rateLimit(search);
            return limited != null ? limited : route(request, path);
        }
    }

    private ResponseDefinition route(Request request, String path) {
        if (path.equals("/crm/properties/2026-03/contacts") && request.getMethod().getName().equals("POST")) {
            return createProperty(request.getBodyAsString());
        }
        String[] parts = path.split("/"); // "", crm, objects, 2026-03, type, [id | search | batch, operation]
        if (parts.length < 5 || !parts[2].equals("objects") || !parts[3].equals("2026-03")) {
            return error(404, "OBJECT_NOT_FOUND", "Unknown path " + path);
        }
        String type = parts[4].equals("deals") ? "0-3" : parts[4];
        if (!PROPERTIES.containsKey(type)) {
            return error(400, "VALIDATION_ERROR", "Unable to infer object type from: " + parts[4]);
        }
        String method = request.getMethod().getName();
        JsonNode body;
        try {
            body = request.getBodyAsString().isEmpty() ? JSON.createObjectNode() : JSON.readTree(request.getBodyAsString());
        } catch (RuntimeException e) {
            return error(400, "VALIDATION_ERROR", "Invalid input JSON on line 1");
        }
        if (parts.length == 7 && parts[5].equals("batch") && method.equals("POST")) {
            return batch(type, parts[6], body);
        }
        if (parts.length == 6 && parts[5].equals("search") && method.equals("POST")) {
            return search(type, body);
        }
        if (parts.length == 5 && method.equals("POST")) {
            return create(type, body);
        }
        if (parts.length == 6 && method.equals("PATCH")) {
            return update(type, parts[5], body);
        }
        if (parts.length == 6 && method.equals("GET")) {
            Stored found = objects.get(mergedInto.getOrDefault(type + ":" + parts[5], type + ":" + parts[5]));
            return found == null ? error(404, "OBJECT_NOT_FOUND", "resource not found") : json(200, view(found, null));
        }
        return error(405, "VALIDATION_ERROR", "Method not allowed");
    }

    private ResponseDefinition create(String type, JsonNode body) {
        if (!body.has("properties") || !body.get("properties").isObject() || !body.has("associations")
                || !body.get("associations").isArray()) {
            return validation("Invalid input JSON: 'properties' and 'associations' are required", "REQUIRED_FIELD", "properties");
        }
        Map<String, String> properties = strings(body.get("properties"));
        ResponseDefinition invalid = checkProperties(type, properties, null);
        if (invalid != null) {
            return invalid;
        }
        if (!type.equals("contacts") && !properties.containsKey("hs_timestamp") && !type.equals("0-3")) {
            return validation("Property values were not valid: hs_timestamp is required", "REQUIRED_FIELD", "hs_timestamp");
        }
        if (type.equals("0-3") && (!properties.containsKey("dealname") || !properties.containsKey("dealstage"))) {
            return validation("Property values were not valid: dealname and dealstage are required", "REQUIRED_FIELD", "dealname");
        }
        List<Association> associations = new ArrayList<>();
        for (JsonNode a : body.get("associations")) {
            String toId = a.path("to").path("id").asString("");
            if (objects.get("contacts:" + toId) == null) {
                return error(400, "VALIDATION_ERROR", "One or more associations are invalid: no contact " + toId);
            }
            for (JsonNode t : a.path("types")) {
                int typeId = t.path("associationTypeId").asInt(-1);
                String category = t.path("associationCategory").asString("");
                if (!"HUBSPOT_DEFINED".equals(category) || !Integer.valueOf(typeId).equals(ASSOCIATION_TO_CONTACT.get(type))) {
                    return error(400, "VALIDATION_ERROR", "association type id " + typeId + " is not valid from " + type + " to contacts");
                }
                associations.add(new Association(toId, category, typeId));
            }
        }
        return json(201, view(store(type, properties, associations, Instant.now()), null));
    }

    private ResponseDefinition update(String type, String id, JsonNode body) {
        Stored found = objects.get(mergedInto.getOrDefault(type + ":" + id, type + ":" + id));
        if (found == null) {
            return error(404, "OBJECT_NOT_FOUND", "resource not found");
        }
        if (!body.has("properties") || !body.get("properties").isObject()) {
            return validation("Invalid input JSON: 'properties' is required", "REQUIRED_FIELD", "properties");
        }
        Map<String, String> properties = strings(body.get("properties"));
        ResponseDefinition invalid = checkProperties(type, properties, found);
        if (invalid != null) {
            return invalid;
        }
        Map<String, String> merged = new LinkedHashMap<>(found.properties());
        merged.putAll(properties);
        Stored updated = new Stored(type, found.id(), merged, found.associations(), found.createdAt());
        objects.put(type + ":" + found.id(), updated);
        return json(200, view(updated, null));
    }

    /**
     * A contact property made by the app: {@code hasUniqueValue} ones may key upserts. 409 when it exists, as
     * HubSpot answers.
     */
    private synchronized ResponseDefinition createProperty(String raw) {
        if (!schemaScope) {
            return error(403, "MISSING_SCOPES", "This app hasn't been granted all required scopes to make this call.");
        }
        JsonNode body = JSON.readTree(raw);
        String name = body.path("name").asString("");
        for (String required : List.of("name", "label", "type", "fieldType", "groupName")) {
            if (!body.hasNonNull(required)) {
                return validation("Property " + required + " is required", "REQUIRED_FIELD", required);
            }
        }
        if (customContactProperties.contains(name) || PROPERTIES.get("contacts").contains(name)) {
            return error(409, "OBJECT_ALREADY_EXISTS", "A property named '" + name + "' already exists.");
        }
        customContactProperties.add(name);
        if (body.path("hasUniqueValue").asBoolean(false)) {
            uniqueContactProperties.add(name);
        }
        return json(201, Map.of("name", name, "label", body.path("label").asString(""), "hasUniqueValue",
                uniqueContactProperties.contains(name)));
    }

    /**
     * {@code batch/create} and {@code batch/upsert}: at most 100 inputs (else 400); each input checked as a single
     * create would be; inputs that fail come back as errors naming their objectWriteTraceId in a 207, the rest are
     * written. Results echo each input's objectWriteTraceId, in no promised order.
     */
    private synchronized ResponseDefinition batch(String type, String operation, JsonNode body) {
        JsonNode inputs = body.path("inputs");
        if (!inputs.isArray()) {
            return validation("Invalid input JSON: 'inputs' is required", "REQUIRED_FIELD", "inputs");
        }
        if (inputs.size() > 100) {
            return error(400, "VALIDATION_ERROR", "Batch operations are limited to 100 records at a time");
        }
        if (!operation.equals("create") && !(operation.equals("upsert") && type.equals("contacts"))) {
            return error(404, "OBJECT_NOT_FOUND", "No batch " + operation + " for " + type + " in this fake");
        }
        batchRequests.incrementAndGet();
        List<Map<String, Object>> results = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (JsonNode input : inputs) {
            String trace = input.path("objectWriteTraceId").asString(null);
            ResponseDefinition one = operation.equals("create") ? create(type, input) : upsert(input);
            JsonNode answer = JSON.readTree(one.getBody());
            if (one.getStatus() >= 300) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("status", String.valueOf(one.getStatus()));
                error.put("category", answer.path("category").asString("VALIDATION_ERROR"));
                error.put("message", answer.path("message").asString(""));
                error.put("context", trace == null ? Map.of() : Map.of("objectWriteTraceId", List.of(trace)));
                error.put("errors", List.of());
                error.put("links", Map.of());
                errors.add(error);
                continue;
            }
            Map<String, Object> result = JSON.convertValue(answer, LinkedHashMap.class);
            if (trace != null) {
                result.put("objectWriteTraceId", trace);
            }
            results.add(result);
        }
        java.util.Collections.shuffle(results); // HubSpot promises no order: callers map by trace id
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("status", "COMPLETE");
        page.put("results", results);
        page.put("startedAt", Instant.now().toString());
        page.put("completedAt", Instant.now().toString());
        if (!errors.isEmpty()) {
            page.put("numErrors", errors.size());
            page.put("errors", errors);
        }
        return json(errors.isEmpty() ? (operation.equals("create") ? 201 : 200) : 207, page);
    }

    /** One upsert input: the contact whose unique {@code idProperty} holds {@code id} is updated, else created. */
    private ResponseDefinition upsert(JsonNode input) {
        String idProperty = input.path("idProperty").asString("");
        String id = input.path("id").asString("");
        if (!uniqueContactProperties.contains(idProperty)) {
            return validation("idProperty " + idProperty + " is not a unique value property", "INVALID_ID_PROPERTY", "idProperty");
        }
        if (!input.path("properties").isObject()) {
            return validation("Invalid input JSON: 'properties' is required", "REQUIRED_FIELD", "properties");
        }
        if (rejectedUpserts.contains(id)) {
            return validation("Property values were not valid: phone is not a valid phone number", "INVALID_PHONE_NUMBER", "phone");
        }
        Map<String, String> properties = strings(input.get("properties"));
        properties.put(idProperty, id);
        Stored existing = objects.values().stream().filter(o -> o.type().equals("contacts"))
                .filter(o -> id.equals(o.properties().get(idProperty))).findFirst().orElse(null);
        ResponseDefinition invalid = checkProperties("contacts", properties, existing);
        if (invalid != null) {
            return invalid;
        }
        if (existing == null) {
            if (!properties.containsKey("email") && !properties.containsKey("firstname") && !properties.containsKey("lastname")) {
                return validation("A contact needs one of email, firstname or lastname", "REQUIRED_FIELD", "firstname");
            }
            Stored created = store("contacts", properties, List.of(), Instant.now());
            Map<String, Object> view = view(created, null);
            view.put("new", true);
            return json(200, view);
        }
        Map<String, String> merged = new LinkedHashMap<>(existing.properties());
        merged.putAll(properties);
        Stored updated = new Stored("contacts", existing.id(), merged, existing.associations(), existing.createdAt());
        objects.put("contacts:" + existing.id(), updated);
        Map<String, Object> view = view(updated, null);
        view.put("new", false);
        return json(200, view);
    }

    private ResponseDefinition checkProperties(String type, Map<String, String> properties, Stored existing) {
        for (var property : properties.entrySet()) {
            if (!PROPERTIES.get(type).contains(property.getKey())
                    && !(type.equals("contacts") && customContactProperties.contains(property.getKey()))) {
                return validation("Property \"" + property.getKey() + "\" does not exist", "PROPERTY_DOESNT_EXIST", property.getKey());
            }
            Set<String> allowed = ENUMS.get(property.getKey());
            if (allowed != null && !allowed.contains(property.getValue())) {
                return validation(property.getValue() + " was not one of the allowed options", "INVALID_OPTION", property.getKey());
            }
        }
        if (properties.containsKey("hs_timestamp") && !validTimestamp(properties.get("hs_timestamp"))) {
            return validation("hs_timestamp was not a valid date", "INVALID_DATE", "hs_timestamp");
        }
        if (type.equals("notes") && properties.getOrDefault("hs_note_body", "").length() > 65_536) {
            return validation("hs_note_body is longer than 65536 characters", "INVALID_STRING", "hs_note_body");
        }
        if (type.equals("0-3") && properties.containsKey("dealstage")) {
            Set<String> stages = pipelines.get(properties.getOrDefault("pipeline", "default"));
            if (stages == null || !stages.contains(properties.get("dealstage"))) {
                return validation("dealstage is not a stage of the pipeline", "INVALID_OPTION", "dealstage");
            }
        }
        if (existing != null && properties.containsKey("lifecyclestage")) {
            int from = LIFECYCLE.indexOf(existing.properties().getOrDefault("lifecyclestage", "subscriber"));
            if (LIFECYCLE.indexOf(properties.get("lifecyclestage")) < from) {
                return validation("lifecyclestage cannot be set backward", "INVALID_OPTION", "lifecyclestage");
            }
        }
        return null;
    }

    private ResponseDefinition search(String type, JsonNode body) {
        JsonNode groups = body.path("filterGroups");
        int limit = body.path("limit").asInt(10);
        if (groups.size() > 5) {
            return error(400, "VALIDATION_ERROR", "Search only supports up to 5 filterGroups");
        }
        int filters = 0;
        for (JsonNode group : groups) {
            if (group.path("filters").size() > 10) {
                return error(400, "VALIDATION_ERROR", "Search only supports up to 10 filters per filterGroup");
            }
            filters += group.path("filters").size();
            for (JsonNode filter : group.path("filters")) {
                if (filter.path("values").size() > 100) {
                    return error(400, "VALIDATION_ERROR", "IN filters take at most 100 values in this fake");
                }
            }
        }
        if (filters > 25) {
            return error(400, "VALIDATION_ERROR", "Search only supports up to 25 filters");
        }
        if (limit > 200) {
            return error(400, "VALIDATION_ERROR", "limit must be at most 200");
        }
        Instant visibleBefore = Instant.now().minus(searchIndexLag);
        List<Stored> matches = objects.values().stream()
                .filter(o -> o.type().equals(type) && !o.createdAt().isAfter(visibleBefore))
                .filter(o -> groups.isEmpty() || anyGroupMatches(o, groups))
                .sorted(Comparator.comparing(Stored::createdAt).thenComparing(Stored::id))
                .toList();
        List<String> wanted = new ArrayList<>();
        body.path("properties").forEach(p -> wanted.add(p.asString()));
        int offset = Integer.parseInt(body.path("after").asString("0").isBlank() ? "0" : body.path("after").asString("0"));
        List<Map<String, Object>> results = matches.stream().skip(offset).limit(limit).map(o -> view(o, wanted)).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", matches.size());
        page.put("results", results);
        if (matches.size() > offset + limit) {
            page.put("paging", Map.of("next", Map.of("after", String.valueOf(offset + limit))));
        }
        return json(200, page);
    }

    private boolean anyGroupMatches(Stored o, JsonNode groups) {
        for (JsonNode group : groups) {
            if (group.path("filters").size() > 6) {
                return false;
            }
            boolean all = true;
            for (JsonNode filter : group.path("filters")) {
                String property = filter.path("propertyName").asString("");
                String value = searchable(o, property);
                String operator = filter.path("operator").asString("");
                if (property.startsWith("associations.")) { // "search by associations": any record of that type
                    String toType = property.substring("associations.".length());
                    all &= toType.equals("contact") && operator.equals("EQ")
                            && o.associations().stream().anyMatch(a -> a.toId().equals(filter.path("value").asString("")));
                } else if (operator.equals("IN")) {
                    boolean any = false;
                    for (JsonNode v : filter.path("values")) {
                        any |= value != null && value.equalsIgnoreCase(v.asString(""));
                    }
                    all &= any;
                } else {
                    all &= operator.equals("EQ") && value != null && equal(value, filter.path("value").asString(""));
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** As HubSpot compares: case-insensitively, and a datetime also to its epoch milliseconds. */
    private static boolean equal(String stored, String wanted) {
        if (stored.equalsIgnoreCase(wanted)) {
            return true;
        }
        if (!wanted.isEmpty() && wanted.chars().allMatch(Character::isDigit) && stored.contains("T")) {
            try {
                return Instant.parse(stored).toEpochMilli() == Long.parseLong(wanted);
            } catch (RuntimeException notADatetime) {
                return false;
            }
        }
        return false;
    }

    /** HubSpot keeps digits-only copies of phone numbers, without the country code, for search. */
    private static String searchable(Stored o, String property) {
        return switch (property) {
            case "hs_searchable_calculated_phone_number" -> digitsWithoutCountry(o.properties().get("phone"));
            case "hs_searchable_calculated_mobile_number" -> digitsWithoutCountry(o.properties().get("mobilephone"));
            case "hs_object_id" -> o.id();
            default -> o.properties().get(property);
        };
    }

    private static String digitsWithoutCountry(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("\\D", "");
        return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
    }

    private ResponseDefinition token(Map<String, String> form) {
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return oauthError("BAD_CLIENT_ID", "missing or unknown client id or secret");
        }
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals("authorization_code")) {
            String redirect = codes.remove(form.getOrDefault("code", ""));
            if (redirect == null || !redirect.equals(form.get("redirect_uri"))) {
                return oauthError("BAD_AUTH_CODE", "missing or unknown auth code");
            }
        } else if (grant.equals("client_credentials")) {
            if (!form.getOrDefault("scope", "").contains("developer.webhooks_journal.read")) {
                return oauthError("BAD_SCOPES", "the journal needs developer.webhooks_journal.read");
            }
            String app = "app-" + UUID.randomUUID();
            appTokens.add(app);
            return json(200, Map.of("access_token", app, "expires_in", 1800, "token_type", "bearer"));
        } else if (grant.equals("refresh_token")) {
            if (!refreshTokens.contains(form.getOrDefault("refresh_token", ""))) {
                return oauthError("BAD_REFRESH_TOKEN", "missing or unknown refresh token");
            }
        } else {
            return oauthError("BAD_GRANT_TYPE", "unsupported grant_type");
        }
        String access = issueAccessToken();
        String refresh = grant.equals("refresh_token") ? form.get("refresh_token") : "refresh-" + UUID.randomUUID();
        refreshTokens.add(refresh);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", access);
        answer.put("refresh_token", refresh);
        answer.put("expires_in", accessTokenSeconds);
        answer.put("token_type", "bearer");
        answer.put("token_use", "access_token");
        answer.put("hub_id", HUB_ID);
        answer.put("user_id", 77);
        answer.put("scopes", List.of("oauth", "crm.objects.contacts.read", "crm.objects.contacts.write"));
        return json(200, answer);
    }

    private ResponseDefinition rateLimit(boolean search) {
        if (search) { // the search API has its own per-second limit, outside the ten-second budget
            return recentSearches.admit(searchesPerSecond) ? null : searchTooMany(null);
        }
        return recent.admit(requestsPer10s) ? null : tooMany("TEN_SECONDLY_ROLLING", 10_000, requestsPer10s);
    }

    private ResponseDefinition tooMany(String policy, int intervalMillis, int max) { // the general budget's 429
        tooManyRequests.incrementAndGet();
        tooManyByPolicy.computeIfAbsent(policy, p -> new AtomicInteger()).incrementAndGet();
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json;charset=utf-8")
                .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", String.valueOf(intervalMillis))
                .withHeader("X-HubSpot-RateLimit-Max", String.valueOf(max))
                .withHeader("X-HubSpot-RateLimit-Remaining", "0")
                .withBody(write(Map.of("status", "error", "message", "You have reached your " + policy.toLowerCase() + " limit.",
                        "errorType", "RATE_LIMIT", "correlationId", UUID.randomUUID().toString(), "policyName", policy,
                        "requestId", UUID.randomUUID().toString())))
                .build();
    }

    /** The search API's 429: its own per-second limit, answered without HubSpot's rate-limit headers. */
    private ResponseDefinition searchTooMany(Integer retryAfter) {
        tooManyRequests.incrementAndGet();
        tooManyByPolicy.computeIfAbsent("SECONDLY", p -> new AtomicInteger()).incrementAndGet();
        var response = aResponse().withStatus(429).withHeader("Content-Type", "application/json;charset=utf-8");
        if (retryAfter != null) { // only when a test scripts one
            response.withHeader("Retry-After", String.valueOf(retryAfter));
        }
        return response.withBody(write(Map.of("status", "error", "message", "You have reached your secondly limit.",
                "errorType", "RATE_LIMIT", "correlationId", UUID.randomUUID().toString(), "policyName", "SECONDLY"))).build();
    }

    private ResponseDefinition scriptedFailure(Scripted next, boolean search) {
        if (next.validation()) {
            return validation("Property values were not valid: phone is not a valid phone number", "INVALID_PHONE_NUMBER", "phone");
        }
        if (next.status() == 429 && search) {
            return searchTooMany(next.retryAfter());
        }
        if (next.status() == 423 || next.status() == 477) { // locked record; portal being moved between data centres
            var response = aResponse().withStatus(next.status()).withHeader("Content-Type", "application/json;charset=utf-8")
                    .withBody(write(Map.of("status", "error", "correlationId", UUID.randomUUID().toString(),
                            "category", next.status() == 423 ? "LOCKED" : "MIGRATION_IN_PROGRESS",
                            "message", next.status() == 423 ? "The record is locked" : "The portal is being migrated")));
            if (next.retryAfter() != null) {
                response.withHeader("Retry-After", String.valueOf(next.retryAfter()));
            }
            return response.build();
        }
        if (next.status() == 429) {
            tooManyRequests.incrementAndGet();
            var response = aResponse().withStatus(429).withHeader("Content-Type", "application/json;charset=utf-8")
                    .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                    .withHeader("X-HubSpot-RateLimit-Max", "100").withHeader("X-HubSpot-RateLimit-Remaining", "0")
                    .withBody(write(Map.of("status", "error", "message", "You have reached your ten_secondly_rolling limit.",
                            "errorType", "RATE_LIMIT", "correlationId", UUID.randomUUID().toString(),
                            "policyName", "TEN_SECONDLY_ROLLING")));
            if (next.retryAfter() != null) {
                response.withHeader("Retry-After", String.valueOf(next.retryAfter()));
            }
            return response.build();
        }
        return error(next.status(), next.status() >= 500 ? "INTERNAL_ERROR" : "VALIDATION_ERROR", "scripted failure");
    }

    private Stored store(String type, Map<String, String> properties, List<Association> associations, Instant at) {
        String id = String.valueOf(ids.incrementAndGet());
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("hs_object_id", id);
        all.putIfAbsent("createdate", at.toString());
        Stored stored = new Stored(type, id, all, List.copyOf(associations), at);
        objects.put(type + ":" + id, stored);
        return stored;
    }

    private Map<String, Object> view(Stored o, List<String> wanted) {
        Map<String, String> properties = new HashMap<>();
        o.properties().forEach((k, v) -> {
            if (wanted == null || wanted.contains(k) || k.equals("hs_object_id")) {
                properties.put(k, v);
            }
        });
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", o.id());
        view.put("properties", properties);
        view.put("createdAt", o.createdAt().toString());
        view.put("updatedAt", Instant.now().toString());
        view.put("archived", false);
        String objectType = o.type().equals("contacts") ? "0-1" : o.type().equals("0-3") ? "0-3" : null;
        if (recordUrlBase != null && objectType != null) {
            view.put("url", recordUrlBase + "/contacts/" + HUB_ID + "/record/" + objectType + "/" + o.id());
        }
        return view;
    }

    private static boolean validTimestamp(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (RuntimeException notIso) {
            return value.matches("\\d{10,13}");
        }
    }

    private static PhoneNumber parse(String raw) {
        try {
            return raw == null ? null : PhoneNumber.parse(raw, "US");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
        return out;
    }

    private static ResponseDefinition validation(String message, String code, String property) {
        return json(400, Map.of("status", "error", "message", message, "correlationId", UUID.randomUUID().toString(),
                "category", "VALIDATION_ERROR",
                "errors", List.of(Map.of("message", message, "code", code, "in", property))));
    }

    private static ResponseDefinition error(int status, String category, String message) {
        return json(status, Map.of("status", "error", "message", message, "correlationId", UUID.randomUUID().toString(),
                "category", category));
    }

    private static ResponseDefinition oauthError(String status, String message) {
        return json(400, Map.of("status", status, "message", message, "correlationId", UUID.randomUUID().toString()));
    }

    private static ResponseDefinition withDelay(ResponseDefinition response, long millis) {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(response).withFixedDelay((int) millis).build();
    }

    private static ResponseDefinition json(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(write(body)).build();
    }

    private static String write(Object body) {
        return JSON.writeValueAsString(body);
    }

    private static Map<String, String> form(String body) {
        return FormBody.parse(body);
    }

}
