package io.redial.crm.jobber;

import io.redial.crm.CrmCapability;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmId;
import io.redial.crm.CrmOAuth;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmThrottle;
import io.redial.crm.jobber.internal.client.CostBudget;
import io.redial.crm.jobber.internal.client.JobberClient;
import io.redial.crm.jobber.internal.client.JobberOperation;
import io.redial.crm.jobber.internal.client.VersionWarnings;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Jobber, installed from its App Marketplace (or our install link) by OAuth. */
public class JobberCrmProvider implements CrmProvider, CrmOAuth {

    public static final CrmId ID = new CrmId("jobber");
    /** Jobber's request guard: 2,500 requests per 5 minutes per app and account. */
    static final CrmRateLimit REQUESTS = new CrmRateLimit(2500, Duration.ofMinutes(5), 2000);
    /**
     * Points kept in Jobber's 10,000-point cost bucket for requests other workers may have in flight when one
     * reads the bucket's level; under it every node waits for the bucket to refill (see {@link CostBudget}).
     */
    static final int COST_RESERVE = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JobberProperties properties;
    private final RestClient http;
    private final ClientRegistration registration;
    private final CostBudget cost = new CostBudget(COST_RESERVE);
    private final VersionWarnings versions;

    public JobberCrmProvider(JobberProperties properties) {
        this.properties = properties;
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        var factory = new JdkClientHttpRequestFactory(jdk);
        factory.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().requestFactory(factory).baseUrl(properties.apiBaseUrl()).build();
        this.registration = registration(properties);
        this.versions = new VersionWarnings(properties.graphqlVersion());
    }

    @Override
    public CrmId id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Jobber";
    }

    /** No call log (Jobber has none; the request records the missed call); each lead is a request of its own. */
    @Override
    public Set<CrmCapability> capabilities() {
        return EnumSet.of(CrmCapability.CONTACTS, CrmCapability.LEAD_RECORDS, CrmCapability.TRANSCRIPTS,
                CrmCapability.JOBS, CrmCapability.FOLLOW_UP_TASKS);
    }

    /**
     * The request guard, shared by all nodes through core's budgets; a large burst, since a burst of leads is
     * what a missed-call service sees and the guard's window is long. The cost bucket is Jobber's own figure,
     * read after every call ({@link CostBudget}).
     */
    @Override
    public Map<String, CrmRateLimit> rateLimits() {
        return Map.of(CrmThrottle.DEFAULT, REQUESTS);
    }

    @Override
    public CrmGateway connect(CrmConnection connection) {
        return new JobberCrmGateway(client(connection.accessToken(), connection.throttle()), connection);
    }

    JobberClient client(String accessToken, CrmThrottle throttle) {
        return new JobberClient(http, accessToken, properties.graphqlVersion(), throttle, cost, versions);
    }

    @Override
    public ClientRegistration clientRegistration() {
        return registration;
    }

    /** Jobber's token answer names no account: the account is asked for with the new token. */
    @Override
    public @Nullable String accountId(Map<String, Object> tokenResponseParameters) {
        return null;
    }

    @Override
    public @Nullable String accountIdFor(String accessToken) {
        String id = client(accessToken, CrmThrottle.NONE).query(JobberOperation.ACCOUNT, Map.of())
                .path("account").path("id").asString("");
        return id.isBlank() ? null : id;
    }

    /** Jobber's token answer has no {@code expires_in}; the access token is a JWT whose {@code exp} says it. */
    @Override
    public @Nullable Instant expiresAt(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims.path("exp").canConvertToLong() ? Instant.ofEpochSecond(claims.path("exp").asLong()) : null;
        } catch (RuntimeException notAJwt) {
            return null;
        }
    }

    /** Jobber's Connect button sends the browser straight to our callback, without a state of ours. */
    @Override
    public boolean installStartsAtCrm() {
        return true;
    }

    /**
     * Clients, requests and jobs open at {@code secure.getjobber.com/<kind>s/<number>}, the number inside the
     * EncodedId ({@code gid://Jobber/Request/123}, base64); notes, assessments and visits show on their request.
     */
    @Override
    public Optional<URI> recordLink(CrmRecordRef record, @Nullable String accountId) {
        String path = switch (record.type()) {
            case JobberCrmGateway.CLIENT -> "clients";
            case JobberCrmGateway.REQUEST -> "requests";
            case "job" -> "jobs";
            default -> null;
        };
        if (path == null) {
            return Optional.empty();
        }
        String number;
        try {
            String gid = new String(Base64.getDecoder().decode(record.id()), StandardCharsets.UTF_8);
            number = gid.substring(gid.lastIndexOf('/') + 1);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!number.matches("\\d+")) {
            return Optional.empty();
        }
        return Optional.of(URI.create(properties.webBaseUrl().replaceAll("/+$", "") + "/" + path + "/" + number));
    }

    /**
     * Jobber's OAuth client from {@code REDIAL_CRM_JOBBER_*}: consent and token endpoints under {@code /api/oauth},
     * client id and secret in the form body, no scopes on the wire (they are set on the app in Jobber's
     * Developer Center).
     */
    private static ClientRegistration registration(JobberProperties properties) {
        return ClientRegistration.withRegistrationId(ID.value())
                .clientName("Jobber")
                .clientId(require(properties.clientId(), "client id"))
                .clientSecret(require(properties.clientSecret(), "client secret"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/crm/{registrationId}/oauth/callback")
                .authorizationUri(properties.authBaseUrl().replaceAll("/+$", "") + "/api/oauth/authorize")
                .tokenUri(properties.apiBaseUrl().replaceAll("/+$", "") + "/api/oauth/token")
                .build();
    }

    private static String require(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("REDIAL_CRM_JOBBER: the " + what + " is missing");
        }
        return value;
    }
}
