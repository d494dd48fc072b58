package io.redial.crm.hubspot;

import io.redial.crm.CrmCapability;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmId;
import io.redial.crm.CrmOAuth;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmTokens;
import io.redial.crm.hubspot.internal.client.HubSpotClient;
import io.redial.crm.hubspot.internal.client.HubSpotOAuthClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** HubSpot, installed from its marketplace by OAuth. */
public class HubSpotCrmProvider implements CrmProvider, CrmOAuth {

    public static final CrmId ID = new CrmId("hubspot");
    /** The fewest scopes that cover contacts, calls, notes, tasks (all under contacts) and deals. */
    static final Set<String> SCOPES = Set.of("oauth", "crm.objects.contacts.read", "crm.objects.contacts.write",
            "crm.objects.deals.read", "crm.objects.deals.write");

    private final HubSpotProperties properties;
    private final RestClient http;
    private final HubSpotOAuthClient oauth;
    private final Clock clock;

    public HubSpotCrmProvider(HubSpotProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        var factory = new JdkClientHttpRequestFactory(jdk);
        factory.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().requestFactory(factory).baseUrl(properties.apiBaseUrl()).build();
        this.oauth = new HubSpotOAuthClient(http, properties.authBaseUrl(), require(properties.clientId(), "client id"),
                require(properties.clientSecret(), "client secret"), clock);
    }

    @Override
    public CrmId id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "HubSpot";
    }

    @Override
    public Set<CrmCapability> capabilities() {
        return EnumSet.of(CrmCapability.CONTACTS, CrmCapability.CALL_LOG, CrmCapability.TRANSCRIPTS, CrmCapability.JOBS,
                CrmCapability.FOLLOW_UP_TASKS);
    }

    /** OAuth apps: 100 requests per 10 s per installed portal; CRM search: 4 per second per token. */
    @Override
    public Map<String, CrmRateLimit> rateLimits() {
        return Map.of(CrmThrottle.DEFAULT, new CrmRateLimit(100, Duration.ofSeconds(10)),
                HubSpotClient.SEARCH_BUDGET, new CrmRateLimit(4, Duration.ofSeconds(1)));
    }

    @Override
    public CrmGateway connect(CrmConnection connection) {
        return new HubSpotCrmGateway(new HubSpotClient(http, connection.accessToken(), connection.throttle()), connection, clock);
    }

    @Override
    public URI authorizeUrl(String state, URI redirectUri) {
        return oauth.authorizeUrl(SCOPES, state, redirectUri);
    }

    @Override
    public Set<String> scopes() {
        return SCOPES;
    }

    @Override
    public CrmTokens exchange(String code, URI redirectUri) {
        return oauth.exchange(code, redirectUri);
    }

    @Override
    public CrmTokens refresh(String refreshToken) {
        return oauth.refresh(refreshToken);
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("REDIAL_CRM_HUBSPOT: the " + what + " is missing");
        }
        return value;
    }
}
