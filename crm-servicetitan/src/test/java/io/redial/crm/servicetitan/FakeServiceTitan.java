package io.redial.crm.servicetitan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.redial.shared.PhoneNumber;
import io.redial.testing.FakeService;
import io.redial.testing.FormBody;
import io.redial.testing.Outage;
import io.redial.testing.RateWindow;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * ServiceTitan's token endpoint and the crm, jpm, settings and marketing v2 operations Redial uses, on
 * loopback, checking what ServiceTitan checks (OPERATIONS.md): the {@code ST-App-Key} header, a live bearer
 * token issued for the tenant named in the path, the booking provider tag, required fields, enums and no
 * unknown fields on every body. Creates answer 200; errors come as RFC 7807 {@code ApiErrorResponse}; a
 * location for an unknown customer is a 409; each app and tenant gets {@link #limitRequestsPerSecond} requests
 * per second, above which it answers 429 with {@code Retry-After}; the token endpoint is throttled too.
 * Every API exchange is recorded for {@link ServiceTitanConformanceTests}.
 */
public final class FakeServiceTitan implements FakeService {

    public static final String APP_KEY = "ak1.redial-fake-app-key";

    /** One tenant that granted our app access, with the client id and secret it gave us and its booking provider tag. */
    public record Tenant(long id, String clientId, String clientSecret, long bookingProvider) {
    }

    /** One API request and the answer the fake gave, for the conformance test. */
    public record Exchange(String method, String module, String path, Map<String, List<String>> query, String requestBody,
            int status, String responseBody) {
    }

    public record Stored(String kind, long id, long tenant, Map<String, Object> fields) {
        public Object get(String field) {
            return fields.get(field);
        }
    }

    private record Scripted(Predicate<String> matches, int status, Integer retryAfter, boolean validation, long delayMillis,
            boolean answerLost) {
    }

    private record Token(long tenant, Instant expiresAt) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS).build();
    private static final Set<String> CONTACT_TYPES = Set.of("Phone", "Email", "Fax", "MobilePhone");
    private static final Set<String> PRIORITIES = Set.of("Low", "Normal", "High", "Urgent");
    private static final Set<String> CUSTOMER_TYPES = Set.of("Residential", "Commercial");

    private final WireMockServer server;
    private final Map<Long, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Stored> records = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private final Map<Long, RateWindow> recentByTenant = new ConcurrentHashMap<>();
    private final Map<String, RateWindow> recentTokenGrants = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(70_000);
    private final AtomicInteger apiRequests = new AtomicInteger();
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger tokenTooManyRequests = new AtomicInteger();
    private volatile int requestsPerSecond = 60;
    private volatile int tokenGrantsPerMinute = 10;
    private volatile long tokenSeconds = 900;

    public FakeServiceTitan() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(40).extensions(new Api()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Api.NAME)));
    }

    // ---- set-up -------------------------------------------------------------------------------------------

    /** A tenant that connected our app: its client id and secret, its booking provider tag, and one of each list. */
    public Tenant addTenant(long id) {
        Tenant tenant = new Tenant(id, "cid.tenant" + id, "cs1.secret-" + UUID.randomUUID(), 9000 + id % 1000);
        tenants.put(id, tenant);
        return tenant;
    }

    public long seedBusinessUnit(long tenant, String name) {
        return store("business-unit", tenant, new LinkedHashMap<>(Map.of("name", name, "active", true))).id();
    }

    public long seedJobType(long tenant, String name) {
        return store("job-type", tenant, new LinkedHashMap<>(Map.of("name", name, "active", true))).id();
    }

    public long seedCampaign(long tenant, String name) {
        return store("campaign", tenant, new LinkedHashMap<>(Map.of("name", name, "active", true))).id();
    }

    /** A customer the tenant already has (with one location at a fixed address), found by this phone. */
    public long seedCustomer(long tenant, String name, PhoneNumber phone) {
        Map<String, Object> address = address("500 Congress Ave", "Austin", "TX", "78701");
        List<Object> contacts = List.of(Map.of("type", "MobilePhone", "value", digits(phone.e164()).substring(1)));
        Stored customer = store("customer", tenant, new LinkedHashMap<>(Map.of("name", name, "type", "Residential",
                "address", address, "contacts", contacts, "active", true)));
        store("location", tenant, new LinkedHashMap<>(Map.of("customerId", customer.id(), "name", "Home",
                "address", address, "contacts", contacts, "active", true)));
        return customer.id();
    }

    /** The app's CRM settings: this fake's client credentials and base URLs. */
    @Override
    public Map<String, String> appProperties() {
        return Map.of("redial.crm.servicetitan.app-key", APP_KEY,
                "redial.crm.servicetitan.auth-base-url", baseUrl(),
                "redial.crm.servicetitan.api-base-url", baseUrl());
    }

    /** The CRM goes down (every connection reset) until the outage is closed. */
    public Outage outage() {
        return Outage.of(server);
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** A token as the token endpoint would issue it for this tenant (a connection made earlier). */
    public String issueToken(long tenant) {
        String token = "eyJ.fake." + UUID.randomUUID();
        tokens.put(token, new Token(tenant, Instant.now().plusSeconds(tokenSeconds)));
        return token;
    }

    public void revokeTokens() {
        tokens.clear();
    }

    public void tokensLast(Duration lifetime) {
        tokenSeconds = lifetime.toSeconds();
    }

    public void limitRequestsPerSecond(int perSecond) {
        requestsPerSecond = perSecond;
    }

    public void limitTokenGrantsPerMinute(int perMinute) {
        tokenGrantsPerMinute = perMinute;
    }

    public void nextRequestFails(int status, Integer retryAfterSeconds) {
        scripted.add(new Scripted(r -> true, status, retryAfterSeconds, false, 0, false));
    }

    /** The next request whose "METHOD /module/v2/tenant/…/path" matches the regex fails so. */
    public void nextRequestFails(String methodAndPathRegex, int status, Integer retryAfterSeconds) {
        scripted.add(new Scripted(r -> r.matches(methodAndPathRegex), status, retryAfterSeconds, false, 0, false));
    }

    /** The next matching request is carried out, but its answer is lost: the caller sees a 500. */
    public void nextAnswerLost(String methodAndPathRegex) {
        // Retry-After keeps the test short; a real 500 rarely says when to come back.
        scripted.add(new Scripted(r -> r.matches(methodAndPathRegex), 500, 1, false, 0, true));
    }

    public void nextRequestFailsValidation() {
        scripted.add(new Scripted(r -> true, 400, null, true, 0, false));
    }

    public void nextRequestTakes(Duration delay) {
        scripted.add(new Scripted(r -> true, 200, null, false, delay.toMillis(), false));
    }

    // ---- what landed --------------------------------------------------------------------------------------

    public List<Stored> all(String kind) {
        return records.values().stream().filter(r -> r.kind().equals(kind)).sorted(java.util.Comparator.comparingLong(Stored::id))
                .toList();
    }

    public List<Stored> all(String kind, long tenant) {
        return all(kind).stream().filter(r -> r.tenant() == tenant).toList();
    }

    public Stored find(String kind, long id) {
        return records.get(kind + ":" + id);
    }

    /** Bookings and customers that carry this phone number among their contacts. */
    public List<Stored> withPhone(String kind, PhoneNumber phone) {
        return all(kind).stream().filter(r -> hasPhone(r, phone)).toList();
    }

    public List<Stored> notesOf(String kind, long id) {
        String owner = kind.equals("job") ? "job-note" : "customer-note";
        return all(owner).stream().filter(n -> Long.valueOf(id).equals(n.get("ownerId"))).toList();
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public int apiRequests() {
        return apiRequests.get();
    }

    public int tooManyRequests() {
        return tooManyRequests.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int tokenTooManyRequests() {
        return tokenTooManyRequests.get();
    }

    /** Forgets counts and rate windows, so a measurement starts clean. */
    public synchronized void resetCounts() {
        apiRequests.set(0);
        tooManyRequests.set(0);
        tokenRequests.set(0);
        tokenTooManyRequests.set(0);
        recentByTenant.clear();
        recentTokenGrants.clear();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- the server ---------------------------------------------------------------------------------------

    private final class Api implements ResponseDefinitionTransformerV2 {
        static final String NAME = "servicetitan-api";

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
            if (path.equals("/connect/token") && request.getMethod().getName().equals("POST")) {
                return token(request);
            }
            ResponseDefinition answer = api(request, path);
            String[] parts = path.split("/");
            if (parts.length > 5 && parts[3].equals("tenant")) {
                exchanges.add(new Exchange(request.getMethod().getName(), parts[1],
                        path.substring(path.indexOf("/tenant/")), query(request), request.getBodyAsString(),
                        answer.getStatus(), answer.getBody() == null ? "" : answer.getBody()));
            }
            return answer;
        }
    }

    private ResponseDefinition token(Request request) {
        tokenRequests.incrementAndGet();
        if (!String.valueOf(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request");
        }
        Map<String, String> form = FormBody.parse(request.getBodyAsString());
        String clientId = form.getOrDefault("client_id", "");
        if (!throttleTokenGrant(clientId)) {
            tokenTooManyRequests.incrementAndGet();
            return aResponse().withStatus(429).withHeader("Retry-After", "60").withHeader("Content-Type", "application/json")
                    .withBody(write(Map.of("error", "too_many_requests"))).build();
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type");
        }
        Tenant tenant = tenants.values().stream().filter(t -> t.clientId().equals(clientId)).findFirst().orElse(null);
        if (tenant == null || !tenant.clientSecret().equals(form.get("client_secret"))) {
            return oauthError(400, "invalid_client");
        }
        String token = issueToken(tenant.id());
        return json(200, Map.of("access_token", token, "expires_in", tokenSeconds, "token_type", "Bearer",
                "scope", "tn.crm.customers:r tn.crm.customers:w tn.crm.bookings:r tn.crm.bookings:w tn.jpm.jobs:w"));
    }

    private boolean throttleTokenGrant(String clientId) {
        return recentTokenGrants.computeIfAbsent(clientId, c -> new RateWindow(Duration.ofMinutes(1))).admit(tokenGrantsPerMinute);
    }

    private ResponseDefinition api(Request request, String path) {
        String[] parts = path.split("/"); // "", module, v2, tenant, {tenant}, resource…
        if (parts.length < 6 || !parts[2].equals("v2") || !parts[3].equals("tenant")) {
            return problem(404, "Not Found", Map.of());
        }
        apiRequests.incrementAndGet();
        if (!APP_KEY.equals(request.getHeader("ST-App-Key"))) {
            return problem(401, "Application key not present, check ST-App-Key header value.", Map.of());
        }
        String auth = request.getHeader("Authorization");
        Token token = auth == null || !auth.startsWith("Bearer ") ? null : tokens.get(auth.substring(7));
        if (token == null || token.expiresAt().isBefore(Instant.now())) {
            return problem(401, "Unauthorized: the access token is missing, invalid or expired", Map.of());
        }
        long tenant;
        try {
            tenant = Long.parseLong(parts[4]);
        } catch (NumberFormatException e) {
            return problem(400, "The tenant in the path is not a number", Map.of("tenant", List.of("must be an integer")));
        }
        if (tenant != token.tenant() || !tenants.containsKey(tenant)) {
            return problem(401, "Unauthorized: the access token was not issued for tenant " + tenant, Map.of());
        }
        String method = request.getMethod().getName();
        Scripted next = nextScripted(method + " " + path);
        if (next != null && next.delayMillis() > 0) {
            return ResponseDefinitionBuilder.like(route(request, method, parts, tenant)).withFixedDelay((int) next.delayMillis()).build();
        }
        if (next != null && next.answerLost()) {
            route(request, method, parts, tenant);
            return scriptedFailure(next);
        }
        if (next != null) {
            return scriptedFailure(next);
        }
        if (!withinRate(tenant)) {
            tooManyRequests.incrementAndGet();
            return ResponseDefinitionBuilder.like(problem(429, "Too Many Requests: rate limit of " + requestsPerSecond
                    + " requests per second per application per tenant exceeded", Map.of())).withHeader("Retry-After", "1").build();
        }
        return route(request, method, parts, tenant);
    }

    private Scripted nextScripted(String request) {
        for (Iterator<Scripted> it = scripted.iterator(); it.hasNext(); ) {
            Scripted s = it.next();
            if (s.matches().test(request)) {
                it.remove();
                return s;
            }
        }
        return null;
    }

    private boolean withinRate(long tenant) {
        return recentByTenant.computeIfAbsent(tenant, t -> new RateWindow(Duration.ofSeconds(1))).admit(requestsPerSecond);
    }

    private ResponseDefinition route(Request request, String method, String[] parts, long tenant) {
        String module = parts[1];
        List<String> rest = List.of(parts).subList(5, parts.length);
        Map<String, List<String>> query = query(request);
        JsonNode body;
        try {
            body = request.getBodyAsString().isEmpty() ? JSON.createObjectNode() : JSON.readTree(request.getBodyAsString());
        } catch (RuntimeException e) {
            return validation(Map.of("$", List.of("The JSON value could not be converted.")));
        }
        String route = module + " " + method + " " + String.join("/", rest.stream().map(p -> p.matches("\\d+") ? "{id}" : p).toList());
        return switch (route) {
            case "crm GET customers" -> page(list("customer", tenant, query), query);
            case "crm POST customers" -> createCustomer(tenant, body);
            case "crm GET customers/{id}" -> get("customer", tenant, rest.get(1), "Customer not found");
            case "crm GET customers/{id}/notes" -> notes("customer", "customer-note", tenant, rest.get(1), query);
            case "crm POST customers/{id}/notes" -> createNote("customer", "customer-note", tenant, rest.get(1), body);
            case "crm GET locations" -> page(list("location", tenant, query), query);
            case "crm POST locations" -> createLocation(tenant, body);
            case "crm GET booking-provider/{id}/bookings" -> provider(tenant, rest.get(1), () -> page(list("booking", tenant, query), query));
            case "crm POST booking-provider/{id}/bookings" -> provider(tenant, rest.get(1), () -> createBooking(tenant, Long.parseLong(rest.get(1)), body));
            case "crm GET booking-provider/{id}/bookings/{id}" -> provider(tenant, rest.get(1), () -> get("booking", tenant, rest.get(3), "Booking not found"));
            case "crm PATCH booking-provider/{id}/bookings/{id}" -> provider(tenant, rest.get(1), () -> updateBooking(tenant, rest.get(3), body));
            case "jpm POST jobs" -> createJob(tenant, body);
            case "jpm GET jobs" -> page(list("job", tenant, query), query);
            case "jpm GET jobs/{id}/notes" -> notes("job", "job-note", tenant, rest.get(1), query);
            case "jpm POST jobs/{id}/notes" -> createNote("job", "job-note", tenant, rest.get(1), body);
            case "jpm GET job-types" -> page(list("job-type", tenant, query), query);
            case "settings GET business-units" -> page(list("business-unit", tenant, query), query);
            case "marketing GET campaigns" -> page(list("campaign", tenant, query), query);
            default -> problem(404, "No such operation: " + route, Map.of());
        };
    }

    // ---- operations ---------------------------------------------------------------------------------------

    private ResponseDefinition createCustomer(long tenant, JsonNode body) {
        Map<String, List<String>> errors = new TreeMap<>();
        known(body, "", errors, "name", "type", "doNotMail", "doNotService", "nationalAccount", "locations", "address",
                "contacts", "customFields", "tagTypeIds", "externalData", "taxExempt", "paymentTermId", "creditLimit",
                "creditLimitBalance");
        requiredString(body, "name", "", errors);
        optionalEnum(body, "type", CUSTOMER_TYPES, "", errors);
        customerAddress(body.get("address"), "address", true, errors);
        contacts(body.get("contacts"), "contacts", errors);
        JsonNode locations = body.get("locations");
        if (locations == null || !locations.isArray()) {
            errors.put("locations", List.of("The Locations field is required."));
        } else if (locations.isEmpty()) {
            errors.put("locations", List.of("A customer needs at least one location."));
        } else {
            for (int i = 0; i < locations.size(); i++) {
                JsonNode l = locations.get(i);
                String at = "locations[" + i + "].";
                known(l, at, errors, "name", "address", "contacts", "customFields", "tagTypeIds", "externalData",
                        "coordinatesSource", "coordinatesVerificationStatus");
                requiredString(l, "name", at, errors);
                customerAddress(l.get("address"), at + "address", true, errors);
                contacts(l.get("contacts"), at + "contacts", errors);
            }
        }
        if (!errors.isEmpty()) {
            return validation(errors);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", body.get("name").asString());
        fields.put("type", body.path("type").isString() ? body.get("type").asString() : "Residential");
        fields.put("address", plain(body.get("address")));
        fields.put("contacts", contactList(body.get("contacts")));
        fields.put("active", true);
        Stored customer = store("customer", tenant, fields);
        List<Object> created = new ArrayList<>();
        for (JsonNode l : locations) {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("customerId", customer.id());
            location.put("name", l.get("name").asString());
            location.put("address", plain(l.get("address")));
            location.put("contacts", contactList(l.get("contacts")));
            location.put("active", true);
            created.add(locationView(store("location", tenant, location), true));
        }
        Map<String, Object> view = customerView(customer);
        view.put("locations", created);
        view.put("contacts", contactsWithIds(customer.get("contacts")));
        return json(200, view);
    }

    private ResponseDefinition createLocation(long tenant, JsonNode body) {
        Map<String, List<String>> errors = new TreeMap<>();
        known(body, "", errors, "name", "address", "customerId", "contacts", "customFields", "tagTypeIds", "externalData",
                "coordinatesSource", "coordinatesVerificationStatus");
        requiredString(body, "name", "", errors);
        requiredLong(body, "customerId", "", errors);
        customerAddress(body.get("address"), "address", true, errors);
        contacts(body.get("contacts"), "contacts", errors);
        if (!errors.isEmpty()) {
            return validation(errors);
        }
        Stored customer = records.get("customer:" + body.get("customerId").asLong());
        if (customer == null || customer.tenant() != tenant) {
            return problem(409, "Unknown customer", Map.of("customerId", List.of("Unknown customer")));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("customerId", customer.id());
        fields.put("name", body.get("name").asString());
        fields.put("address", plain(body.get("address")));
        fields.put("contacts", contactList(body.get("contacts")));
        fields.put("active", true);
        return json(200, locationView(store("location", tenant, fields), true));
    }

    private ResponseDefinition createBooking(long tenant, long provider, JsonNode body) {
        Map<String, List<String>> errors = new TreeMap<>();
        known(body, "", errors, "source", "name", "address", "contacts", "customerType", "start", "summary", "campaignId",
                "businessUnitId", "jobTypeId", "priority", "isFirstTimeClient", "uploadedImages", "isSendConfirmationEmail",
                "externalId");
        requiredString(body, "source", "", errors);
        requiredString(body, "name", "", errors);
        requiredString(body, "summary", "", errors);
        requiredString(body, "externalId", "", errors);
        if (!body.path("isFirstTimeClient").isBoolean()) {
            errors.put("isFirstTimeClient", List.of("The IsFirstTimeClient field is required."));
        }
        if (body.hasNonNull("address")) {
            bookingAddress(body.get("address"), "address", false, errors);
        }
        contacts(body.get("contacts"), "contacts", errors);
        optionalEnum(body, "priority", PRIORITIES, "", errors);
        optionalEnum(body, "customerType", CUSTOMER_TYPES, "", errors);
        optionalDate(body, "start", errors);
        for (String id : List.of("campaignId", "businessUnitId", "jobTypeId")) {
            optionalLong(body, id, errors);
        }
        if (!errors.isEmpty()) {
            return validation(errors);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        body.properties().forEach(e -> fields.put(e.getKey(), plain(e.getValue())));
        fields.put("contacts", contactList(body.get("contacts")));
        fields.put("status", "New");
        fields.put("bookingProviderId", provider);
        fields.putIfAbsent("start", Instant.now().toString());
        return json(200, bookingView(store("booking", tenant, fields)));
    }

    private ResponseDefinition updateBooking(long tenant, String id, JsonNode body) {
        Stored booking = records.get("booking:" + id);
        if (booking == null || booking.tenant() != tenant) {
            return problem(404, "Booking not found", Map.of());
        }
        Map<String, List<String>> errors = new TreeMap<>();
        known(body, "", errors, "source", "name", "address", "customerType", "start", "summary", "campaignId",
                "businessUnitId", "jobTypeId", "priority", "isFirstTimeClient", "uploadedImages", "externalId");
        for (String text : List.of("source", "name", "summary", "externalId")) {
            if (body.has(text) && !body.get(text).isString()) {
                errors.put(text, List.of("The " + text + " field must be a string."));
            }
        }
        if (body.has("address")) {
            bookingAddress(body.get("address"), "address", true, errors);
        }
        optionalEnum(body, "priority", PRIORITIES, "", errors);
        for (String n : List.of("campaignId", "businessUnitId", "jobTypeId")) {
            if (body.has(n) && !body.get(n).isIntegralNumber()) {
                errors.put(n, List.of("The " + n + " field must be an integer."));
            }
        }
        if (!errors.isEmpty()) {
            return validation(errors);
        }
        if (!"New".equals(booking.get("status"))) {
            return problem(409, "Some conflict occurred while executing the request: the booking is " + booking.get("status"), Map.of());
        }
        body.properties().forEach(e -> {
            Object value = plain(e.getValue());
            if (value != null) {
                booking.fields().put(e.getKey(), value);
            }
        });
        booking.fields().put("modifiedOn", Instant.now().toString());
        return json(200, bookingView(booking));
    }

    private ResponseDefinition createJob(long tenant, JsonNode body) {
        Map<String, List<String>> errors = new TreeMap<>();
        known(body, "", errors, "customerId", "locationId", "projectId", "businessUnitId", "jobGeneratedLeadSource",
                "jobTypeId", "priority", "campaignId", "appointments", "summary", "customFields", "tagTypeIds",
                "externalData", "invoiceSignatureIsRequired", "customerPo", "soldById", "partnerLeadCallId", "leadId",
                "bookingId", "noCharge");
        for (String id : List.of("customerId", "locationId", "businessUnitId", "jobTypeId", "campaignId")) {
            requiredLong(body, id, "", errors);
        }
        requiredString(body, "priority", "", errors);
        JsonNode appointments = body.get("appointments");
        if (appointments == null || !appointments.isArray()) {
            errors.put("appointments", List.of("The Appointments field is required."));
        } else {
            for (int i = 0; i < appointments.size(); i++) {
                JsonNode a = appointments.get(i);
                String at = "appointments[" + i + "].";
                known(a, at, errors, "start", "end", "arrivalWindowStart", "arrivalWindowEnd", "technicianIds");
                Instant start = date(a, "start", at, errors, true);
                Instant end = date(a, "end", at, errors, true);
                date(a, "arrivalWindowStart", at, errors, false);
                date(a, "arrivalWindowEnd", at, errors, false);
                if (start != null && end != null && !end.isAfter(start)) {
                    errors.put(at + "end", List.of("The appointment must end after it starts."));
                }
            }
        }
        if (!errors.isEmpty()) {
            return validation(errors);
        }
        Stored customer = records.get("customer:" + body.get("customerId").asLong());
        Stored location = records.get("location:" + body.get("locationId").asLong());
        if (customer == null || customer.tenant() != tenant) {
            errors.put("customerId", List.of("Customer not found"));
        }
        if (location == null || location.tenant() != tenant || customer == null
                || !Long.valueOf(customer.id()).equals(location.get("customerId"))) {
            errors.put("locationId", List.of("The location does not belong to the customer"));
        }
        reference(body, "businessUnitId", "business-unit", tenant, errors);
        reference(body, "jobTypeId", "job-type", tenant, errors);
        reference(body, "campaignId", "campaign", tenant, errors);
        if (body.hasNonNull("bookingId")) {
            Stored booking = records.get("booking:" + body.get("bookingId").asLong());
            if (booking == null || booking.tenant() != tenant) {
                errors.put("bookingId", List.of("Booking not found"));
            }
        }
        if (!errors.isEmpty()) {
            return validation(errors);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        body.properties().forEach(e -> fields.put(e.getKey(), plain(e.getValue())));
        fields.put("jobStatus", "Scheduled");
        Stored job = store("job", tenant, fields);
        job.fields().put("jobNumber", String.valueOf(job.id()));
        if (body.hasNonNull("bookingId")) {
            Stored booking = records.get("booking:" + body.get("bookingId").asLong());
            booking.fields().put("status", "Converted");
            booking.fields().put("jobId", job.id());
        }
        return json(200, jobView(job));
    }

    private ResponseDefinition createNote(String ownerKind, String noteKind, long tenant, String ownerId, JsonNode body) {
        Stored owner = records.get(ownerKind + ":" + ownerId);
        if (owner == null || owner.tenant() != tenant) {
            return problem(404, ownerKind.equals("job") ? "The requested entity was not found" : "Customer not found", Map.of());
        }
        Map<String, List<String>> errors = new TreeMap<>();
        if (ownerKind.equals("job")) {
            known(body, "", errors, "text", "pinToTop");
        } else {
            known(body, "", errors, "text", "pinToTop", "addToLocations");
        }
        requiredString(body, "text", "", errors);
        if (body.has("pinToTop") && !body.get("pinToTop").isBoolean() && !body.get("pinToTop").isNull()) {
            errors.put("pinToTop", List.of("The PinToTop field must be a boolean."));
        }
        if (!errors.isEmpty()) {
            return validation(errors);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ownerId", owner.id());
        fields.put("text", body.get("text").asString());
        fields.put("isPinned", body.path("pinToTop").asBoolean(false));
        return json(200, noteView(store(noteKind, tenant, fields), ownerKind.equals("customer")));
    }

    private ResponseDefinition notes(String ownerKind, String noteKind, long tenant, String ownerId, Map<String, List<String>> query) {
        Stored owner = records.get(ownerKind + ":" + ownerId);
        if (owner == null || owner.tenant() != tenant) {
            return problem(404, ownerKind.equals("job") ? "The requested entity was not found" : "Customer not found", Map.of());
        }
        List<Stored> notes = all(noteKind, tenant).stream().filter(n -> Long.valueOf(owner.id()).equals(n.get("ownerId"))).toList();
        return page(notes, query);
    }

    private ResponseDefinition get(String kind, long tenant, String id, String notFound) {
        Stored found = records.get(kind + ":" + id);
        return found == null || found.tenant() != tenant ? problem(404, notFound, Map.of()) : json(200, view(found));
    }

    private ResponseDefinition provider(long tenant, String provider, java.util.function.Supplier<ResponseDefinition> then) {
        Tenant t = tenants.get(tenant);
        if (t.bookingProvider() != Long.parseLong(provider)) {
            // Unconfirmed what ServiceTitan answers; 400 is what every one of these operations declares.
            return validation(Map.of("booking_provider", List.of("Booking provider " + provider
                    + " is not the one the tenant chose for this application.")));
        }
        return then.get();
    }

    /** The list filters the adapter uses; an unknown query parameter is ignored, as ServiceTitan does. */
    private List<Stored> list(String kind, long tenant, Map<String, List<String>> query) {
        return all(kind, tenant).stream()
                .filter(r -> !query.containsKey("phone") || hasPhoneDigits(r, digits(first(query, "phone"))))
                .filter(r -> !query.containsKey("externalId") || first(query, "externalId").equals(r.get("externalId")))
                .filter(r -> !query.containsKey("customerId") || first(query, "customerId").equals(String.valueOf(r.get("customerId"))))
                .filter(r -> !query.containsKey("bookingId") || first(query, "bookingId").equals(String.valueOf(r.get("bookingId"))))
                .filter(r -> !"True".equalsIgnoreCase(first(query, "active")) || !Boolean.FALSE.equals(r.get("active")))
                .toList();
    }

    private ResponseDefinition page(List<Stored> all, Map<String, List<String>> query) {
        int page;
        int pageSize;
        try {
            page = Integer.parseInt(query.containsKey("page") ? first(query, "page") : "1");
            pageSize = Integer.parseInt(query.containsKey("pageSize") ? first(query, "pageSize") : "50");
        } catch (NumberFormatException e) {
            return validation(Map.of("pageSize", List.of("The value is not valid.")));
        }
        if (page < 1 || pageSize < 1 || pageSize > 5000) {
            return validation(Map.of("pageSize", List.of("PageSize must be between 1 and 5000.")));
        }
        List<Object> data = all.stream().skip((long) (page - 1) * pageSize).limit(pageSize).map(this::view).map(v -> (Object) v).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", page);
        out.put("pageSize", pageSize);
        out.put("hasMore", (long) page * pageSize < all.size());
        out.put("totalCount", "true".equalsIgnoreCase(first(query, "includeTotal")) ? all.size() : null);
        out.put("data", data);
        return json(200, out);
    }

    // ---- views in ServiceTitan's response shapes ----------------------------------------------------------

    private Map<String, Object> view(Stored r) {
        return switch (r.kind()) {
            case "customer" -> customerView(r);
            case "location" -> locationView(r, false);
            case "booking" -> bookingView(r);
            case "job" -> jobView(r);
            case "customer-note" -> noteView(r, true);
            case "job-note" -> noteView(r, false);
            case "business-unit" -> Map.of("id", r.id(), "active", true, "name", r.get("name"), "createdOn", "2026-01-01T00:00:00Z",
                    "modifiedOn", "2026-01-01T00:00:00Z");
            case "job-type" -> jobTypeView(r);
            case "campaign" -> Map.of("id", r.id(), "name", r.get("name"), "active", true, "createdOn", "2026-01-01T00:00:00Z",
                    "modifiedOn", "2026-01-01T00:00:00Z");
            default -> throw new IllegalStateException(r.kind());
        };
    }

    private Map<String, Object> customerView(Stored c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("active", c.get("active"));
        v.put("name", c.get("name"));
        v.put("type", c.get("type"));
        v.put("address", c.get("address"));
        v.put("customFields", List.of());
        v.put("balance", 0);
        v.put("taxExempt", false);
        v.put("tagTypeIds", List.of());
        v.put("doNotMail", false);
        v.put("doNotService", false);
        v.put("nationalAccount", false);
        v.put("createdOn", c.get("createdOn"));
        v.put("createdById", 1);
        v.put("modifiedOn", c.get("modifiedOn"));
        v.put("externalData", List.of());
        return v;
    }

    private Map<String, Object> locationView(Stored l, boolean withContacts) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", l.id());
        v.put("customerId", l.get("customerId"));
        v.put("active", l.get("active"));
        v.put("name", l.get("name"));
        v.put("address", l.get("address"));
        v.put("customFields", List.of());
        v.put("createdOn", l.get("createdOn"));
        v.put("createdById", 1);
        v.put("modifiedOn", l.get("modifiedOn"));
        v.put("taxExempt", false);
        v.put("tagTypeIds", List.of());
        v.put("externalData", List.of());
        if (withContacts) {
            v.put("contacts", contactsWithIds(l.get("contacts")));
        }
        return v;
    }

    private static Map<String, Object> bookingView(Stored b) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", b.id());
        v.put("source", b.get("source"));
        v.put("createdOn", b.get("createdOn"));
        v.put("name", b.get("name"));
        v.put("address", b.get("address"));
        v.put("customerType", b.get("customerType"));
        v.put("start", b.get("start"));
        v.put("summary", b.get("summary"));
        v.put("campaignId", b.get("campaignId"));
        v.put("businessUnitId", b.get("businessUnitId"));
        v.put("jobTypeId", b.get("jobTypeId"));
        v.put("priority", b.get("priority"));
        v.put("status", b.get("status"));
        v.put("dismissingReasonId", null);
        v.put("jobId", b.get("jobId"));
        v.put("isFirstTimeClient", b.get("isFirstTimeClient"));
        v.put("uploadedImages", null);
        v.put("isSendConfirmationEmail", null);
        v.put("externalId", b.get("externalId"));
        v.put("bookingProviderId", b.get("bookingProviderId"));
        v.put("modifiedOn", b.get("modifiedOn"));
        return v;
    }

    private static Map<String, Object> jobView(Stored j) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", j.id());
        v.put("jobNumber", j.get("jobNumber"));
        v.put("customerId", j.get("customerId"));
        v.put("locationId", j.get("locationId"));
        v.put("jobStatus", j.get("jobStatus"));
        v.put("businessUnitId", j.get("businessUnitId"));
        v.put("jobTypeId", j.get("jobTypeId"));
        v.put("priority", j.get("priority"));
        v.put("campaignId", j.get("campaignId"));
        v.put("summary", j.get("summary"));
        v.put("appointmentCount", ((List<?>) j.get("appointments")).size());
        v.put("firstAppointmentId", j.id() * 10 + 1);
        v.put("lastAppointmentId", j.id() * 10 + ((List<?>) j.get("appointments")).size());
        v.put("bookingId", j.get("bookingId"));
        v.put("noCharge", false);
        v.put("notificationsEnabled", true);
        v.put("createdOn", j.get("createdOn"));
        v.put("createdById", 1);
        v.put("modifiedOn", j.get("modifiedOn"));
        v.put("tagTypeIds", List.of());
        v.put("customerPo", "");
        v.put("invoiceId", j.id() + 1);
        v.put("estimateIds", List.of());
        v.put("equipmentIds", List.of());
        v.put("customFields", List.of());
        v.put("externalData", List.of());
        return v;
    }

    private static Map<String, Object> jobTypeView(Stored t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", t.id());
        v.put("name", t.get("name"));
        v.put("businessUnitIds", List.of());
        v.put("skills", List.of());
        v.put("tagTypeIds", List.of());
        v.put("priority", "Normal");
        v.put("duration", 3600);
        v.put("class", "");
        v.put("summary", "");
        v.put("noCharge", false);
        v.put("invoiceSignaturesRequired", false);
        v.put("modifiedOn", "2026-01-01T00:00:00Z");
        v.put("createdOn", "2026-01-01T00:00:00Z");
        v.put("externalData", List.of());
        v.put("active", true);
        v.put("isSmartDispatched", false);
        v.put("defaultEstimateSoldAction", "None");
        v.put("customFieldTypeIds", List.of());
        return v;
    }

    private static Map<String, Object> noteView(Stored n, boolean withId) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (withId) {
            v.put("id", n.id());
        }
        v.put("text", n.get("text"));
        v.put("isPinned", n.get("isPinned"));
        v.put("createdById", 1);
        v.put("createdOn", n.get("createdOn"));
        v.put("modifiedOn", n.get("modifiedOn"));
        return v;
    }

    // ---- checks --------------------------------------------------------------------------------------------

    private static void known(JsonNode body, String at, Map<String, List<String>> errors, String... fields) {
        if (body == null || !body.isObject()) {
            return;
        }
        Set<String> allowed = Set.of(fields);
        for (String name : body.propertyNames()) {
            if (!allowed.contains(name)) {
                errors.put(at + name, List.of("Could not find member '" + name + "' on object."));
            }
        }
    }

    private static void requiredString(JsonNode body, String field, String at, Map<String, List<String>> errors) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            errors.put(at + field, List.of("The " + capital(field) + " field is required."));
        }
    }

    private static void requiredLong(JsonNode body, String field, String at, Map<String, List<String>> errors) {
        JsonNode v = body.get(field);
        if (v == null || !v.isIntegralNumber()) {
            errors.put(at + field, List.of("The " + capital(field) + " field is required."));
        }
    }

    private static void optionalLong(JsonNode body, String field, Map<String, List<String>> errors) {
        JsonNode v = body.get(field);
        if (v != null && !v.isNull() && !v.isIntegralNumber()) {
            errors.put(field, List.of("The " + capital(field) + " field must be an integer."));
        }
    }

    private static void optionalEnum(JsonNode body, String field, Set<String> allowed, String at, Map<String, List<String>> errors) {
        JsonNode v = body.get(field);
        if (v != null && !v.isNull() && (!v.isString() || !allowed.contains(v.asString()))) {
            errors.put(at + field, List.of("The value '" + v.asString() + "' is not valid for " + capital(field) + "."));
        }
    }

    private static void optionalDate(JsonNode body, String field, Map<String, List<String>> errors) {
        date(body, field, "", errors, false);
    }

    private static Instant date(JsonNode body, String field, String at, Map<String, List<String>> errors, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                errors.put(at + field, List.of("The " + capital(field) + " field is required."));
            }
            return null;
        }
        try {
            return Instant.parse(v.asString());
        } catch (DateTimeParseException e) {
            errors.put(at + field, List.of("The value '" + v.asString() + "' is not a valid date-time."));
            return null;
        }
    }

    /** {@code CustomerAddress}: street, city, state, zip and country required; unit, latitude and longitude optional. */
    private static void customerAddress(JsonNode address, String at, boolean required, Map<String, List<String>> errors) {
        if (address == null || address.isNull()) {
            if (required) {
                errors.put(at, List.of("The Address field is required."));
            }
            return;
        }
        known(address, at + ".", errors, "street", "unit", "city", "state", "zip", "country", "latitude", "longitude");
        for (String f : List.of("street", "city", "state", "zip", "country")) {
            requiredString(address, f, at + ".", errors);
        }
    }

    /** {@code AddressModel} (create) and {@code AddressPatchModel} (update, all six fields required); no coordinates. */
    private static void bookingAddress(JsonNode address, String at, boolean patch, Map<String, List<String>> errors) {
        known(address, at + ".", errors, "street", "unit", "city", "state", "zip", "country");
        for (String f : List.of("street", "city", "state", "zip", "country")) {
            requiredString(address, f, at + ".", errors);
        }
        if (patch && (address.get("unit") == null || !address.get("unit").isString())) {
            errors.put(at + ".unit", List.of("The Unit field is required."));
        }
    }

    private static void contacts(JsonNode contacts, String at, Map<String, List<String>> errors) {
        if (contacts == null || contacts.isNull()) {
            return;
        }
        if (!contacts.isArray()) {
            errors.put(at, List.of("The " + capital(at) + " field must be an array."));
            return;
        }
        for (int i = 0; i < contacts.size(); i++) {
            JsonNode c = contacts.get(i);
            String here = at + "[" + i + "].";
            known(c, here, errors, "type", "value", "memo");
            if (!c.path("type").isString() || !CONTACT_TYPES.contains(c.path("type").asString())) {
                errors.put(here + "type", List.of("The Type field is required and must be Phone, Email, Fax or MobilePhone."));
            }
            requiredString(c, "value", here, errors);
        }
    }

    private void reference(JsonNode body, String field, String kind, long tenant, Map<String, List<String>> errors) {
        Stored found = records.get(kind + ":" + body.get(field).asLong());
        if (found == null || found.tenant() != tenant) {
            errors.put(field, List.of(capital(field) + " " + body.get(field).asLong() + " does not exist."));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Stored store(String kind, long tenant, Map<String, Object> fields) {
        long id = ids.incrementAndGet();
        String now = Instant.now().toString();
        fields.putIfAbsent("createdOn", now);
        fields.putIfAbsent("modifiedOn", now);
        Stored stored = new Stored(kind, id, tenant, new ConcurrentHashMap<>(withoutNulls(fields)));
        records.put(kind + ":" + id, stored);
        return stored;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static boolean hasPhone(Stored r, PhoneNumber phone) {
        return hasPhoneDigits(r, digits(phone.e164()));
    }

    /** ServiceTitan's phone filter: matched here on the last ten digits, as a US tenant stores them. */
    private static boolean hasPhoneDigits(Stored r, String wanted) {
        Object contacts = r.get("contacts");
        if (!(contacts instanceof List<?> list) || wanted.length() < 10) {
            return false;
        }
        String last10 = wanted.substring(wanted.length() - 10);
        return list.stream().anyMatch(c -> c instanceof Map<?, ?> m && m.get("value") != null
                && digits(String.valueOf(m.get("value"))).endsWith(last10));
    }

    private static List<Object> contactList(JsonNode contacts) {
        if (contacts == null || !contacts.isArray()) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        contacts.forEach(c -> out.add(plain(c)));
        return out;
    }

    private List<Object> contactsWithIds(Object contacts) {
        List<Object> out = new ArrayList<>();
        if (contacts instanceof List<?> list) {
            for (Object c : list) {
                Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) c);
                m.put("id", ids.incrementAndGet());
                out.add(m);
            }
        }
        return out;
    }

    private static Object plain(JsonNode node) {
        return node == null || node.isNull() ? null : JSON.convertValue(node, Object.class);
    }

    private static Map<String, Object> address(String street, String city, String state, String zip) {
        return new LinkedHashMap<>(Map.of("street", street, "city", city, "state", state, "zip", zip, "country", "USA"));
    }

    private static String digits(String raw) {
        return raw.replaceAll("\\D", "");
    }

    private static String capital(String field) {
        String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        return last.isEmpty() ? last : Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private static Map<String, List<String>> query(Request request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String url = request.getUrl();
        int q = url.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private ResponseDefinition scriptedFailure(Scripted next) {
        if (next.validation()) {
            return validation(Map.of("name", List.of("The Name field is required.")));
        }
        var response = ResponseDefinitionBuilder.like(problem(next.status(), next.status() == 429
                ? "Too Many Requests" : next.status() >= 500 ? "An unexpected error occurred." : "Bad Request", Map.of()));
        if (next.status() == 429) {
            tooManyRequests.incrementAndGet();
        }
        if (next.retryAfter() != null) {
            response.withHeader("Retry-After", String.valueOf(next.retryAfter()));
        }
        return response.build();
    }

    private static ResponseDefinition validation(Map<String, List<String>> errors) {
        return problem(400, "One or more validation errors occurred.", errors);
    }

    /** ServiceTitan's {@code ApiErrorResponse} (RFC 7807): type, title, status, traceId, errors, data; all required. */
    private static ResponseDefinition problem(int status, String title, Map<String, List<String>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://tools.ietf.org/html/rfc7231#section-6.5." + (status == 400 ? "1" : "4"));
        body.put("title", title);
        body.put("status", status);
        body.put("traceId", "00-" + UUID.randomUUID().toString().replace("-", "") + "-01");
        body.put("errors", errors);
        body.put("data", Map.of());
        return json(status, body);
    }

    private static ResponseDefinition oauthError(int status, String error) {
        return json(status, Map.of("error", error));
    }

    private static ResponseDefinition json(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(write(body)).build();
    }

    private static String write(Object body) {
        return JSON.writeValueAsString(body);
    }
}
