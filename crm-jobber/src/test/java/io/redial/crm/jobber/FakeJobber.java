package io.redial.crm.jobber;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import graphql.ParseAndValidate;
import io.redial.crm.jobber.internal.webhook.JobberHmac;
import io.redial.shared.PhoneNumber;
import io.redial.testing.FakeService;
import io.redial.testing.FormBody;
import io.redial.testing.Outage;
import io.redial.testing.RateWindow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobber's GraphQL API and OAuth token endpoint on loopback, checking what Jobber checks: the bearer token
 * (an access token dies with a disconnect), {@code application/json}, the {@code X-JOBBER-GRAPHQL-VERSION}
 * header, and every document parsed, validated and executed by graphql-java against the 2025-04-16 schema
 * subset. Answers carry Jobber's cost and versioning extensions; the cost bucket (10,000 points, 500/s) answers
 * THROTTLED and the request guard (2,500 per 300 s) HTTP 429, as Jobber documents. Mutations answer
 * {@code userErrors} for what Jobber refuses beyond the schema. Refresh tokens rotate: each works once.
 */
public final class FakeJobber implements FakeService {

    public static final String CLIENT_ID = "fake-jobber-client-id";
    public static final String CLIENT_SECRET = "fake-jobber-client-secret";
    public static final String VERSION = "2025-04-16";
    public static final String ACCOUNT_ID = encodedId("Account", 1001);
    /** Versions Jobber still serves; the older one comes with a deprecation warning. */
    private static final Map<String, String> SERVED = Map.of(VERSION, "", "2024-12-05",
            "This version will be removed on 2026-06-05; upgrade to 2025-04-16");

    public record Client(String id, String firstName, String lastName, List<String> phones, List<String> properties,
            Instant createdAt) {
    }

    public record Property(String id, String clientId, Map<String, Object> address) {
    }

    public record JobberRequest(String id, String clientId, String propertyId, String title, Map<String, Object> details,
            String assessmentId, Instant createdAt) {
    }

    public record Note(String id, String requestId, String message, boolean pinned) {
    }

    public record Scheduled(String id, String parentId, String title, String instructions, LocalDateTime startAt,
            LocalDateTime endAt, String timezone) {
    }

    public record Job(String id, String requestId, String propertyId, String title, Map<String, Object> input) {
    }

    private record Scripted(int status, Integer retryAfter, boolean throttled, boolean userError, long delayMillis) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server;
    private final GraphQL graphql;
    private final GraphQLSchema schema;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Property> properties = new ConcurrentHashMap<>();
    private final Map<String, JobberRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, Note> notes = new ConcurrentHashMap<>();
    private final Map<String, Scheduled> assessments = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Scheduled> visits = new ConcurrentHashMap<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> callsByToken = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final List<String> versionsSeen = new CopyOnWriteArrayList<>();
    private final RateWindow recentRequests = new RateWindow(Duration.ofSeconds(300));
    private final AtomicLong ids = new AtomicLong(7000);
    private final java.util.concurrent.atomic.AtomicBoolean nextMutationRefused = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicInteger graphqlRequests = new AtomicInteger();
    private final AtomicInteger throttledAnswers = new AtomicInteger();
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger refusedRefreshes = new AtomicInteger();
    private final AtomicLong pointsSpent = new AtomicLong();
    private volatile int maximumAvailable = 10_000;
    private volatile int restoreRate = 500;
    private volatile int requestsPer300s = 2_500;
    private volatile int throttledStatus = 200;
    private volatile long accessTokenSeconds = 3600;
    private volatile Duration refreshDelay = Duration.ZERO;
    private double available = 10_000;
    private long availableAt = System.nanoTime();

    public FakeJobber() {
        schema = FakeJobberSchema.build(wiring -> wiring
                .type("Query", t -> t.dataFetcher("account", e -> Map.of("id", ACCOUNT_ID, "name", "Lone Star Plumbing"))
                        .dataFetcher("client", e -> clientView(clients.get((String) e.getArgument("id"))))
                        .dataFetcher("clients", this::searchClients)
                        .dataFetcher("request", e -> requestView(requests.get((String) e.getArgument("id")))))
                .type("Mutation", t -> t.dataFetcher("clientCreate", this::clientCreate)
                        .dataFetcher("clientEdit", this::clientEdit)
                        .dataFetcher("clientCreateNote", this::clientCreateNote)
                        .dataFetcher("propertyCreate", this::propertyCreate)
                        .dataFetcher("requestCreate", this::requestCreate)
                        .dataFetcher("requestEdit", this::requestEdit)
                        .dataFetcher("requestCreateNote", this::requestCreateNote)
                        .dataFetcher("assessmentCreate", this::assessmentCreate)
                        .dataFetcher("assessmentEdit", this::assessmentEdit)
                        .dataFetcher("jobCreate", this::jobCreate)
                        .dataFetcher("visitCreate", this::visitCreate)));
        graphql = GraphQL.newGraphQL(schema).build();
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(40).extensions(new Api()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Api.NAME)));
    }

    // ---- set-up and scripting ----

    /** The app's CRM settings: this fake's client credentials and base URLs. */
    @Override
    public Map<String, String> appProperties() {
        return Map.of("redial.crm.jobber.client-id", CLIENT_ID,
                "redial.crm.jobber.client-secret", CLIENT_SECRET,
                "redial.crm.jobber.api-base-url", baseUrl(),
                "redial.crm.jobber.auth-base-url", baseUrl());
    }

    /** The CRM goes down (every connection reset) until the outage is closed. */
    public Outage outage() {
        return Outage.of(server);
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** An access token (a JWT) the fake accepts, as if an install had happened. */
    public String issueAccessToken() {
        String token = jwt(Instant.now().plusSeconds(accessTokenSeconds));
        accessTokens.add(token);
        return token;
    }

    /** A refresh token the fake accepts once. */
    public String issueRefreshToken() {
        String token = "refresh-" + UUID.randomUUID();
        refreshTokens.add(token);
        return token;
    }

    /** The admin consented on Jobber's page (or pressed Connect in the marketplace); the code for our callback. */
    public String consent(String redirectUri) {
        String code = "code-" + UUID.randomUUID();
        codes.put(code, redirectUri);
        return code;
    }

    /** The admin pressed Disconnect in Jobber: every token of the account dies at once. */
    public void disconnect() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    /** A webhook call as Jobber signs it. */
    public static String webhookBody(String topic, String accountId, String itemId) {
        return "{\"data\":{\"webHookEvent\":{\"topic\":\"" + topic + "\",\"appId\":\"" + CLIENT_ID + "\",\"accountId\":\""
                + accountId + "\",\"itemId\":\"" + itemId + "\",\"occurredAt\":\"" + Instant.now() + "\"}}}";
    }

    public static String sign(String body) {
        return new JobberHmac(CLIENT_SECRET).sign(body.getBytes(StandardCharsets.UTF_8));
    }

    public void accessTokensLast(Duration lifetime) {
        accessTokenSeconds = lifetime.toSeconds();
    }

    /** The token endpoint takes this long, so concurrent refreshers overlap. */
    public void refreshesTake(Duration delay) {
        refreshDelay = delay;
    }

    public void nextRequestFails(int status, Integer retryAfterSeconds) {
        scripted.add(new Scripted(status, retryAfterSeconds, false, false, 0));
    }

    /** The next GraphQL request is answered THROTTLED, whatever the bucket holds. */
    public void nextRequestThrottled() {
        scripted.add(new Scripted(0, null, true, false, 0));
    }

    /** The next mutation answers a {@code userErrors} entry instead of writing. */
    public void nextRequestFailsValidation() {
        nextMutationRefused.set(true);
    }

    public void nextRequestTakes(Duration delay) {
        scripted.add(new Scripted(200, null, false, false, delay.toMillis()));
    }

    /** Jobber's documented budgets by default; tests shrink or widen them. */
    public synchronized void limits(int maximumAvailable, int restoreRate, int requestsPer300s) {
        this.maximumAvailable = maximumAvailable;
        this.restoreRate = restoreRate;
        this.requestsPer300s = requestsPer300s;
        this.available = maximumAvailable;
        this.availableAt = System.nanoTime();
        recentRequests.clear();
    }

    /** Which HTTP status THROTTLED answers carry: Jobber's docs leave it open (200 or 429). */
    public void throttledWithStatus(int status) {
        throttledStatus = status;
    }

    public String seedClient(String firstName, String lastName, String phoneAsTyped) {
        String id = encodedId("Client", ids.incrementAndGet());
        clients.put(id, new Client(id, firstName, lastName, List.of(phoneAsTyped), List.of(), Instant.now()));
        return id;
    }

    // ---- what the fake holds ----

    public List<Client> clientsWithPhone(PhoneNumber phone) {
        return clients.values().stream().filter(c -> c.phones().stream().anyMatch(p -> phone.equals(parse(p)))).toList();
    }

    public List<Client> clients() {
        return List.copyOf(clients.values());
    }

    public List<Property> propertiesOf(String clientId) {
        return properties.values().stream().filter(p -> p.clientId().equals(clientId)).toList();
    }

    public List<JobberRequest> requestsOf(String clientId) {
        return requests.values().stream().filter(r -> r.clientId().equals(clientId)).toList();
    }

    public List<JobberRequest> requests() {
        return List.copyOf(requests.values());
    }

    public JobberRequest request(String id) {
        return requests.get(id);
    }

    public List<Note> notesOf(String requestId) {
        return notes.values().stream().filter(n -> n.requestId().equals(requestId)).toList();
    }

    public List<Scheduled> assessmentsOf(String requestId) {
        return assessments.values().stream().filter(a -> a.parentId().equals(requestId)).toList();
    }

    public List<Job> jobsOf(String requestId) {
        return jobs.values().stream().filter(j -> requestId.equals(j.requestId())).toList();
    }

    public List<Scheduled> visitsOf(String jobId) {
        return visits.values().stream().filter(v -> v.parentId().equals(jobId)).toList();
    }

    public int graphqlRequests() {
        return graphqlRequests.get();
    }

    public int throttledAnswers() {
        return throttledAnswers.get();
    }

    public int tooManyRequests() {
        return tooManyRequests.get();
    }

    public long pointsSpent() {
        return pointsSpent.get();
    }

    /** Refreshes the token endpoint granted, and those it refused (a refresh token sent a second time). */
    public int refreshes() {
        return refreshes.get();
    }

    public int refusedRefreshes() {
        return refusedRefreshes.get();
    }

    /** GraphQL calls made with this access token. */
    public int callsWith(String accessToken) {
        return callsByToken.getOrDefault(accessToken, new AtomicInteger()).get();
    }

    /** Every access token that made a GraphQL call. */
    public Set<String> tokensUsed() {
        return Set.copyOf(callsByToken.keySet());
    }

    public List<String> versionsSeen() {
        return List.copyOf(versionsSeen);
    }

    /** Forgets the counters (not the records), so a measurement starts clean. */
    public synchronized void resetCounters() {
        graphqlRequests.set(0);
        throttledAnswers.set(0);
        tooManyRequests.set(0);
        pointsSpent.set(0);
        recentRequests.clear();
        available = maximumAvailable;
        availableAt = System.nanoTime();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- HTTP ----

    private final class Api implements ResponseDefinitionTransformerV2 {
        static final String NAME = "jobber-api";

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
            boolean post = request.getMethod().getName().equals("POST");
            if (path.equals("/api/oauth/token") && post) {
                return token(FormBody.parse(request.getBodyAsString()));
            }
            if (!path.equals("/api/graphql") || !post) {
                return json(404, Map.of("message", "Not found"));
            }
            graphqlRequests.incrementAndGet();
            return graphql(request);
        }
    }

    private ResponseDefinition graphql(Request request) {
        String auth = request.getHeader("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
        if (!accessTokens.contains(token)) {
            return json(401, Map.of("message", "invalid_request", "error", "Unauthorized"));
        }
        callsByToken.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            return json(415, Map.of("message", "Content-Type must be application/json"));
        }
        String version = request.getHeader("X-JOBBER-GRAPHQL-VERSION");
        if (version == null || version.isBlank()) {
            return json(400, Map.of("message", "The X-JOBBER-GRAPHQL-VERSION header is required"));
        }
        if (!SERVED.containsKey(version)) {
            return json(404, Map.of("message", "GraphQL API version '" + version + "' does not exist"));
        }
        versionsSeen.add(version);
        Scripted next = scripted.poll();
        if (next != null && next.status() >= 400) {
            return scriptedFailure(next);
        }
        ResponseDefinition guarded = requestGuard();
        if (guarded != null) {
            return guarded;
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.getBodyAsString());
        } catch (RuntimeException e) {
            return json(400, Map.of("message", "Invalid JSON"));
        }
        String query = body.path("query").asString("");
        Map<String, Object> variables = body.path("variables").isObject()
                ? JSON.convertValue(body.path("variables"), Map.class) : Map.of();
        ResponseDefinition answer = execute(query, body.path("operationName").asString(null), variables, version,
                next != null && next.throttled(), next != null && next.userError());
        return next != null && next.delayMillis() > 0
                ? ResponseDefinitionBuilder.like(answer).withFixedDelay((int) next.delayMillis()).build() : answer;
    }

    private ResponseDefinition execute(String query, String operationName, Map<String, Object> variables, String version,
            boolean forceThrottle, boolean forceUserError) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException syntax) {
            return json(200, Map.of("errors", List.of(Map.of("message", "Parse error: " + syntax.getMessage(),
                    "extensions", Map.of("code", "GRAPHQL_PARSE_FAILED")))));
        }
        List<ValidationError> invalid = ParseAndValidate.validate(schema, document);
        if (!invalid.isEmpty()) {
            return json(200, Map.of("errors", invalid.stream().map(e -> Map.of("message", e.getMessage(),
                    "extensions", Map.of("code", "GRAPHQL_VALIDATION_FAILED"))).toList()));
        }
        int cost = cost(document, variables);
        Map<String, Object> throttle;
        synchronized (this) {
            refill();
            if (forceThrottle || cost > available) {
                throttledAnswers.incrementAndGet();
                return json(throttledStatus, Map.of("errors", List.of(Map.of("message", "Throttled", "extensions",
                                Map.of("code", "THROTTLED", "documentation", "https://developer.getjobber.com/docs/using_jobbers_api/api_rate_limits"))),
                        "extensions", Map.of("cost", cost(cost, 0, forceThrottle ? 0 : available))));
            }
            available -= cost;
            pointsSpent.addAndGet(cost);
            throttle = cost(cost, cost, available);
        }
        ExecutionInput input = ExecutionInput.newExecutionInput(query).operationName(operationName).variables(variables)
                .graphQLContext(Map.of("userError", forceUserError)).build();
        ExecutionResult result = graphql.execute(input);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            answer.put("errors", result.getErrors().stream().map(FakeJobber::error).toList());
        }
        answer.put("data", result.getData());
        Map<String, Object> versioning = new LinkedHashMap<>();
        versioning.put("version", version);
        if (!SERVED.get(version).isEmpty()) {
            versioning.put("warning", SERVED.get(version));
        }
        answer.put("extensions", Map.of("cost", throttle, "versioning", versioning));
        return json(200, answer);
    }

    private static Map<String, Object> error(GraphQLError e) {
        // Variable coercion failures read as Jobber's: "Variable $id of type EncodedId! was provided invalid value".
        return Map.of("message", e.getMessage(), "extensions", Map.of("code",
                e.getErrorType() != null && e.getErrorType().toString().equals("DataFetchingException") ? "INTERNAL_SERVER_ERROR"
                        : "GRAPHQL_VALIDATION_FAILED"));
    }

    private Map<String, Object> cost(int requested, int actual, double availableNow) {
        return Map.of("requestedQueryCost", requested, "actualQueryCost", actual, "throttleStatus",
                Map.of("maximumAvailable", maximumAvailable, "currentlyAvailable", (int) Math.floor(availableNow),
                        "restoreRate", restoreRate));
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(maximumAvailable, available + (now - availableAt) / 1e9 * restoreRate);
        availableAt = now;
    }

    private ResponseDefinition requestGuard() {
        if (!recentRequests.admit(requestsPer300s)) {
            tooManyRequests.incrementAndGet();
            return aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                    .withHeader("Retry-After", "30").withBody("{\"message\":\"Too many requests\"}").build();
        }
        return null;
    }

    private ResponseDefinition scriptedFailure(Scripted next) {
        if (next.status() == 429) {
            tooManyRequests.incrementAndGet();
            var response = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"Too many requests\"}");
            if (next.retryAfter() != null) {
                response.withHeader("Retry-After", String.valueOf(next.retryAfter()));
            }
            return response.build();
        }
        return json(next.status(), Map.of("message", next.status() >= 500 ? "Service temporarily unavailable" : "Bad request"));
    }

    /**
     * Jobber's documented costing: every field 1, except {@code edges}, {@code nodes} and {@code node} (0); a
     * connection's selections count {@code first}/{@code last} times, 100 times when neither is given.
     */
    private int cost(Document document, Map<String, Object> variables) {
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        int total = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            GraphQLFieldsContainer root = operation.getOperation() == OperationDefinition.Operation.MUTATION
                    ? schema.getMutationType() : schema.getQueryType();
            total += cost(operation.getSelectionSet(), root, variables, fragments);
        }
        return total;
    }

    private int cost(SelectionSet selections, GraphQLFieldsContainer parent, Map<String, Object> variables,
            Map<String, FragmentDefinition> fragments) {
        if (selections == null) {
            return 0;
        }
        int total = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
                if (definition == null) {
                    continue; // __typename
                }
                GraphQLType type = GraphQLTypeUtil.unwrapAll(definition.getType());
                int children = type instanceof GraphQLFieldsContainer container
                        ? cost(field.getSelectionSet(), container, variables, fragments) : 0;
                boolean connection = GraphQLTypeUtil.simplePrint(type).endsWith("Connection");
                int self = Set.of("edges", "nodes", "node").contains(field.getName()) ? 0 : 1;
                total += self + (connection ? pageSize(field, variables) * children : children);
            } else if (selection instanceof InlineFragment inline) {
                total += cost(inline.getSelectionSet(), parent, variables, fragments);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                total += cost(fragments.get(spread.getName()).getSelectionSet(), parent, variables, fragments);
            }
        }
        return total;
    }

    private static int pageSize(Field field, Map<String, Object> variables) {
        for (var argument : field.getArguments()) {
            if (argument.getName().equals("first") || argument.getName().equals("last")) {
                if (argument.getValue() instanceof IntValue value) {
                    return value.getValue().intValue();
                }
                if (argument.getValue() instanceof VariableReference ref && variables.get(ref.getName()) instanceof Number n) {
                    return n.intValue();
                }
            }
        }
        return 100;
    }

    // ---- queries ----

    /** Jobber's search matches loosely: any stored number whose digits contain the term's digits. */
    private Map<String, Object> searchClients(DataFetchingEnvironment e) {
        String term = String.valueOf((Object) e.getArgument("searchTerm")).replaceAll("\\D", "");
        int first = e.getArgument("first") == null ? 100 : (Integer) e.getArgument("first");
        List<Map<String, Object>> nodes = clients.values().stream()
                .filter(c -> !term.isEmpty() && c.phones().stream().anyMatch(p -> p.replaceAll("\\D", "").contains(term)))
                .sorted(java.util.Comparator.comparing(Client::createdAt).reversed())
                .limit(first).map(this::clientView).toList();
        return Map.of("nodes", nodes, "pageInfo", Map.of("hasNextPage", false, "hasPreviousPage", false));
    }

    private Map<String, Object> clientView(Client c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("firstName", c.firstName());
        view.put("lastName", c.lastName());
        view.put("name", (c.firstName() + " " + c.lastName()).trim());
        view.put("phones", c.phones().stream().map(p -> Map.of("id", encodedId("ClientPhoneNumber", Math.abs(p.hashCode())),
                "number", p, "description", "Main", "primary", true)).toList());
        view.put("properties", propertiesOf(c.id()).stream().map(FakeJobber::propertyView).toList());
        view.put("jobberWebUri", "https://secure.getjobber.com/clients/" + number(c.id()));
        return view;
    }

    private static Map<String, Object> propertyView(Property p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> address = new LinkedHashMap<>();
        for (String key : List.of("street1", "street2", "city", "province", "postalCode", "country")) {
            address.put(key, String.valueOf(p.address().getOrDefault(key, "")));
        }
        return Map.of("id", p.id(), "address", address, "jobberWebUri", "https://secure.getjobber.com/properties/" + number(p.id()));
    }

    private Map<String, Object> requestView(JobberRequest r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("title", r.title());
        view.put("client", clientView(clients.get(r.clientId())));
        view.put("property", r.propertyId() == null ? null : propertyView(properties.get(r.propertyId())));
        Scheduled assessment = r.assessmentId() == null ? null : assessments.get(r.assessmentId());
        view.put("assessment", assessment == null ? null : scheduledView(assessment));
        view.put("jobs", Map.of("nodes", jobsOf(r.id()).stream().map(j -> Map.of("id", j.id(), "title", j.title(),
                "jobberWebUri", "https://secure.getjobber.com/jobs/" + number(j.id()),
                "visits", Map.of("nodes", visitsOf(j.id()).stream().map(FakeJobber::scheduledView).toList(),
                        "pageInfo", Map.of("hasNextPage", false, "hasPreviousPage", false)))).toList(),
                "pageInfo", Map.of("hasNextPage", false, "hasPreviousPage", false)));
        view.put("jobberWebUri", "https://secure.getjobber.com/requests/" + number(r.id()));
        return view;
    }

    private static Map<String, Object> scheduledView(Scheduled s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("title", s.title());
        view.put("instructions", s.instructions());
        ZoneId zone = ZoneId.of(s.timezone());
        view.put("startAt", s.startAt().atZone(zone).toOffsetDateTime().toString());
        view.put("endAt", s.endAt().atZone(zone).toOffsetDateTime().toString());
        return view;
    }

    // ---- mutations ----

    private Map<String, Object> clientCreate(DataFetchingEnvironment e) {
        Map<String, Object> input = e.getArgument("input");
        if (forcedUserError(e)) {
            return failed("client", "Phone number is invalid", "phones");
        }
        String first = string(input.get("firstName"));
        String last = string(input.get("lastName"));
        if (first.isBlank() && last.isBlank() && string(input.get("companyName")).isBlank()) {
            return failed("client", "Client must have a first name, last name or company name", "firstName");
        }
        List<String> phones = new ArrayList<>();
        for (Map<String, Object> phone : list(input.get("phones"))) {
            if (string(phone.get("number")).isBlank()) {
                return failed("client", "Phone number can't be blank", "phones");
            }
            phones.add(string(phone.get("number")));
        }
        String id = encodedId("Client", ids.incrementAndGet());
        clients.put(id, new Client(id, first, last, List.copyOf(phones), List.of(), Instant.now()));
        for (Map<String, Object> property : list(input.get("properties"))) {
            addProperty(id, property);
        }
        return payload("client", clientView(clients.get(id)));
    }

    private Map<String, Object> clientCreateNote(DataFetchingEnvironment e) {
        String clientId = e.getArgument("clientId");
        if (forcedUserError(e)) {
            return failed("clientNote", "Message is too long", "message");
        }
        if (!clients.containsKey(clientId)) {
            return failed("clientNote", "Client not found", "clientId");
        }
        Map<String, Object> input = e.getArgument("input");
        if (string(input.get("message")).isBlank()) {
            return failed("clientNote", "Message can't be blank", "message");
        }
        String id = encodedId("ClientNote", ids.incrementAndGet());
        notes.put(id, new Note(id, clientId, string(input.get("message")), Boolean.TRUE.equals(input.get("pinned"))));
        Map<String, Object> payload = payload("clientNote", Map.of("id", id, "message", notes.get(id).message()));
        payload.put("client", clientView(clients.get(clientId)));
        return payload;
    }

    private Map<String, Object> clientEdit(DataFetchingEnvironment e) {
        Client c = clients.get((String) e.getArgument("clientId"));
        if (c == null) {
            return failed("client", "Client not found", "clientId");
        }
        Map<String, Object> input = e.getArgument("input");
        Client edited = new Client(c.id(), input.containsKey("firstName") ? string(input.get("firstName")) : c.firstName(),
                input.containsKey("lastName") ? string(input.get("lastName")) : c.lastName(), c.phones(), c.properties(),
                c.createdAt());
        clients.put(c.id(), edited);
        return payload("client", clientView(edited));
    }

    private Map<String, Object> propertyCreate(DataFetchingEnvironment e) {
        String clientId = e.getArgument("clientId");
        if (!clients.containsKey(clientId)) {
            return failed("properties", "Client not found", "clientId");
        }
        Map<String, Object> input = e.getArgument("input");
        List<Map<String, Object>> created = new ArrayList<>();
        for (Map<String, Object> property : list(input.get("properties"))) {
            if (string(asMap(property.get("address")).get("street1")).isBlank()) {
                return failed("properties", "Street can't be blank", "properties.address.street1");
            }
            created.add(propertyView(addProperty(clientId, property)));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("client", clientView(clients.get(clientId)));
        payload.put("properties", created);
        payload.put("userErrors", List.of());
        return payload;
    }

    private Map<String, Object> requestCreate(DataFetchingEnvironment e) {
        Map<String, Object> input = e.getArgument("input");
        if (forcedUserError(e)) {
            return failed("request", "Title is too long", "title");
        }
        String clientId = string(input.get("clientId"));
        if (!clients.containsKey(clientId)) {
            return failed("request", "Client not found", "clientId");
        }
        String propertyId = (String) input.get("propertyId");
        if (propertyId != null && (properties.get(propertyId) == null || !properties.get(propertyId).clientId().equals(clientId))) {
            return failed("request", "Property does not belong to the client", "propertyId");
        }
        Map<String, Object> details = asMap(input.get("requestDetails"));
        if (!details.isEmpty()) {
            List<Map<String, Object>> sections = list(asMap(details.get("form")).get("sections"));
            if (sections.isEmpty() || sections.stream().anyMatch(s -> list(s.get("items")).isEmpty())) {
                return failed("request", "A form needs at least one section with at least one item", "requestDetails");
            }
        }
        if (propertyId == null) { // "will default to last property if not selected"
            propertyId = propertiesOf(clientId).stream().map(Property::id).reduce((a, b) -> b).orElse(null);
        }
        String id = encodedId("Request", ids.incrementAndGet());
        requests.put(id, new JobberRequest(id, clientId, propertyId, string(input.get("title")), details, null, Instant.now()));
        return payload("request", requestView(requests.get(id)));
    }

    private Map<String, Object> requestEdit(DataFetchingEnvironment e) {
        JobberRequest r = requests.get((String) e.getArgument("requestId"));
        if (r == null) {
            return failed("request", "Request not found", "requestId");
        }
        Map<String, Object> input = e.getArgument("input");
        String propertyId = input.containsKey("propertyId") ? (String) input.get("propertyId") : r.propertyId();
        if (propertyId != null && (properties.get(propertyId) == null || !properties.get(propertyId).clientId().equals(r.clientId()))) {
            return failed("request", "Property does not belong to the client", "propertyId");
        }
        JobberRequest edited = new JobberRequest(r.id(), r.clientId(), propertyId,
                input.containsKey("title") ? string(input.get("title")) : r.title(), r.details(), r.assessmentId(), r.createdAt());
        requests.put(r.id(), edited);
        return payload("request", requestView(edited));
    }

    private Map<String, Object> requestCreateNote(DataFetchingEnvironment e) {
        String requestId = e.getArgument("requestId");
        if (forcedUserError(e)) {
            return failed("requestNote", "Message is too long", "message");
        }
        if (!requests.containsKey(requestId)) {
            return failed("requestNote", "Request not found", "requestId");
        }
        Map<String, Object> input = e.getArgument("input");
        if (string(input.get("message")).isBlank()) {
            return failed("requestNote", "Message can't be blank", "message");
        }
        String id = encodedId("RequestNote", ids.incrementAndGet());
        notes.put(id, new Note(id, requestId, string(input.get("message")), Boolean.TRUE.equals(input.get("pinned"))));
        Map<String, Object> payload = payload("requestNote", Map.of("id", id, "message", notes.get(id).message()));
        payload.put("request", requestView(requests.get(requestId)));
        return payload;
    }

    private Map<String, Object> assessmentCreate(DataFetchingEnvironment e) {
        JobberRequest r = requests.get((String) e.getArgument("requestId"));
        if (r == null) {
            return failed("assessment", "Request not found", "requestId");
        }
        if (r.assessmentId() != null) {
            return failed("assessment", "Request already has an assessment", "requestId");
        }
        Map<String, Object> input = e.getArgument("input");
        String id = encodedId("Assessment", ids.incrementAndGet());
        Scheduled scheduled = scheduled(id, r.id(), null, string(input.get("instructions")), asMap(input.get("schedule")));
        if (scheduled == null) {
            return failed("assessment", "End must be after start", "schedule");
        }
        assessments.put(id, scheduled);
        requests.put(r.id(), new JobberRequest(r.id(), r.clientId(), r.propertyId(), r.title(), r.details(), id, r.createdAt()));
        Map<String, Object> payload = payload("assessment", scheduledView(scheduled));
        payload.put("request", requestView(requests.get(r.id())));
        return payload;
    }

    private Map<String, Object> assessmentEdit(DataFetchingEnvironment e) {
        Scheduled a = assessments.get((String) e.getArgument("assessmentId"));
        if (a == null) {
            return failed("assessment", "Assessment not found", "assessmentId");
        }
        Map<String, Object> input = e.getArgument("input");
        Scheduled edited = input.containsKey("schedule")
                ? scheduled(a.id(), a.parentId(), a.title(), string(input.getOrDefault("instructions", a.instructions())),
                        asMap(input.get("schedule")))
                : a;
        if (edited == null) {
            return failed("assessment", "End must be after start", "schedule");
        }
        assessments.put(a.id(), edited);
        return payload("assessment", scheduledView(edited));
    }

    private Map<String, Object> jobCreate(DataFetchingEnvironment e) {
        Map<String, Object> input = e.getArgument("input");
        if (forcedUserError(e)) {
            return failed("job", "Title is too long", "title");
        }
        String propertyId = string(input.get("propertyId"));
        if (!properties.containsKey(propertyId)) {
            return failed("job", "Property not found", "propertyId");
        }
        String requestId = (String) input.get("requestId");
        if (requestId != null && !requests.containsKey(requestId)) {
            return failed("job", "Request not found", "requestId");
        }
        Map<String, Object> scheduling = asMap(input.get("scheduling"));
        if (Boolean.TRUE.equals(scheduling.get("createVisits")) && scheduling.get("startTime") == null) {
            return failed("job", "Start time is required to create visits", "scheduling.startTime");
        }
        String id = encodedId("Job", ids.incrementAndGet());
        jobs.put(id, new Job(id, requestId, propertyId, string(input.get("title")), input));
        return payload("job", Map.of("id", id, "title", string(input.get("title")), "jobberWebUri", "",
                "visits", Map.of("nodes", List.of(), "pageInfo", Map.of("hasNextPage", false, "hasPreviousPage", false))));
    }

    private Map<String, Object> visitCreate(DataFetchingEnvironment e) {
        Job job = jobs.get((String) e.getArgument("jobId"));
        if (job == null) {
            return failed("createdVisits", "Job not found", "jobId");
        }
        Map<String, Object> input = e.getArgument("input");
        List<Map<String, Object>> created = new ArrayList<>();
        for (Map<String, Object> visit : list(input.get("visits"))) {
            String id = encodedId("Visit", ids.incrementAndGet());
            Scheduled scheduled = scheduled(id, job.id(), string(visit.get("title")), string(visit.get("instructions")),
                    asMap(visit.get("schedule")));
            if (scheduled == null) {
                return failed("createdVisits", "End must be after start", "visits.schedule");
            }
            visits.put(id, scheduled);
            created.add(scheduledView(scheduled));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("createdVisits", created);
        payload.put("job", Map.of("id", job.id(), "title", job.title(), "jobberWebUri", "",
                "visits", Map.of("nodes", created, "pageInfo", Map.of("hasNextPage", false, "hasPreviousPage", false))));
        payload.put("userErrors", List.of());
        return payload;
    }

    /** A schedule with both ends; null when it ends before it starts. Without a time the item is all-day. */
    private static Scheduled scheduled(String id, String parentId, String title, String instructions, Map<String, Object> schedule) {
        Map<String, Object> start = asMap(schedule.get("startAt"));
        Map<String, Object> end = asMap(schedule.get("endAt"));
        if (start.isEmpty()) {
            return null;
        }
        LocalDateTime from = at(start, LocalTime.MIDNIGHT);
        LocalDateTime to = end.isEmpty() ? from.toLocalDate().atTime(LocalTime.MAX) : at(end, LocalTime.MAX);
        if (!to.isAfter(from)) {
            return null;
        }
        return new Scheduled(id, parentId, title, instructions, from, to, string(start.get("timezone")));
    }

    private static LocalDateTime at(Map<String, Object> local, LocalTime allDay) {
        LocalDate date = LocalDate.parse(string(local.get("date")));
        return local.get("time") == null ? date.atTime(allDay) : date.atTime(LocalTime.parse(string(local.get("time"))));
    }

    private Property addProperty(String clientId, Map<String, Object> attributes) {
        String id = encodedId("Property", ids.incrementAndGet());
        Property property = new Property(id, clientId, asMap(attributes.get("address")));
        properties.put(id, property);
        return property;
    }

    private boolean forcedUserError(DataFetchingEnvironment e) {
        return nextMutationRefused.getAndSet(false);
    }

    private static Map<String, Object> payload(String field, Object value) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(field, value);
        payload.put("userErrors", List.of());
        return payload;
    }

    private static Map<String, Object> failed(String field, String message, String path) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(field, field.equals("createdVisits") || field.equals("properties") ? List.of() : null);
        payload.put("userErrors", List.of(Map.of("message", message, "path", List.of(path.split("\\.")))));
        return payload;
    }

    // ---- OAuth ----

    private ResponseDefinition token(Map<String, String> form) {
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return json(401, Map.of("error", "invalid_client", "error_description", "Client authentication failed"));
        }
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals("authorization_code")) {
            String redirect = codes.remove(form.getOrDefault("code", ""));
            if (redirect == null || !redirect.equals(form.get("redirect_uri"))) {
                return json(400, Map.of("error", "invalid_grant", "error_description", "The provided authorization grant is invalid"));
            }
        } else if (grant.equals("refresh_token")) {
            sleep(refreshDelay);
            // Rotation: a refresh token works once; the old one is dead the moment it is used.
            if (!refreshTokens.remove(form.getOrDefault("refresh_token", ""))) {
                refusedRefreshes.incrementAndGet();
                return json(401, Map.of("error", "invalid_grant", "error_description", "Error: The provided refresh token is not valid."));
            }
            refreshes.incrementAndGet();
        } else {
            return json(400, Map.of("error", "unsupported_grant_type"));
        }
        // Jobber's answer: the two tokens, no token_type, no expires_in (the JWT's exp says it).
        return json(200, Map.of("access_token", issueAccessToken(), "refresh_token", issueRefreshToken()));
    }

    private static String jwt(Instant expires) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":77,\"account_id\":1001,\"exp\":" + expires.getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + b64.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---- helpers ----

    public static String encodedId(String type, long number) {
        return Base64.getEncoder().encodeToString(("gid://Jobber/" + type + "/" + number).getBytes(StandardCharsets.UTF_8));
    }

    private static String number(String encodedId) {
        String gid = new String(Base64.getDecoder().decode(encodedId), StandardCharsets.UTF_8);
        return gid.substring(gid.lastIndexOf('/') + 1);
    }

    private static PhoneNumber parse(String raw) {
        try {
            return PhoneNumber.parse(raw, "US");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String string(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ResponseDefinition json(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(JSON.writeValueAsString(body)).build();
    }
}
