package io.redial.crm.servicetitan;

import io.redial.crm.CrmCapability;
import io.redial.crm.CrmClientCredentials;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmId;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmTokens;
import io.redial.crm.servicetitan.internal.client.ServiceTitanClient;
import io.redial.crm.servicetitan.internal.client.TokenEndpoint;
import io.redial.crm.servicetitan.internal.mapping.Credentials;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * ServiceTitan, connected with the tenant's own client id and secret (there is no consent redirect): tokens
 * last 900 s and come from a throttled endpoint, so core renews them a minute ahead, once across nodes.
 */
public class ServiceTitanCrmProvider implements CrmProvider, CrmClientCredentials {

    public static final CrmId ID = new CrmId("servicetitan");

    private final ServiceTitanProperties properties;
    private final RestClient api;
    private final TokenEndpoint tokens;

    public ServiceTitanCrmProvider(ServiceTitanProperties properties, Clock clock) {
        this.properties = properties;
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        var factory = new JdkClientHttpRequestFactory(jdk);
        factory.setReadTimeout(properties.readTimeout());
        this.api = RestClient.builder().requestFactory(factory).baseUrl(trim(properties.apiBaseUrl())).build();
        this.tokens = new TokenEndpoint(RestClient.builder().requestFactory(factory).baseUrl(trim(properties.authBaseUrl()))
                .build(), clock);
    }

    @Override
    public CrmId id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "ServiceTitan";
    }

    /** No call log: ServiceTitan's telecom API cannot create calls. */
    @Override
    public Set<CrmCapability> capabilities() {
        return EnumSet.of(CrmCapability.CONTACTS, CrmCapability.TRANSCRIPTS, CrmCapability.JOBS,
                CrmCapability.FOLLOW_UP_TASKS);
    }

    /** Per app per tenant, across all nodes (core's shared budget per connection). */
    @Override
    public Map<String, CrmRateLimit> rateLimits() {
        return Map.of(CrmThrottle.DEFAULT, new CrmRateLimit(properties.requestsPerSecond(), Duration.ofSeconds(1)));
    }

    @Override
    public CrmGateway connect(CrmConnection connection) {
        String tenant = connection.externalAccountId();
        if (tenant == null || !tenant.matches("\\d+")) {
            throw new io.redial.crm.CrmAuthExpired("the connection has no ServiceTitan tenant id", null);
        }
        return new ServiceTitanCrmGateway(new ServiceTitanClient(api, appKey(), connection.accessToken(), tenant,
                connection.throttle()), connection, properties.bookingSource());
    }

    /** The ServiceTitan tenant id is the connection's account; the credentials ride in the refresh-token slot. */
    @Override
    public CrmTokens issue(String accountId, String clientId, String clientSecret) {
        if (!accountId.matches("\\d+")) {
            throw new io.redial.crm.CrmRejected("a ServiceTitan tenant id is a number", null);
        }
        TokenEndpoint.Issued issued = tokens.grant(clientId, clientSecret);
        return new CrmTokens(issued.accessToken(), new Credentials(clientId, clientSecret).pack(), issued.expiresAt(), accountId);
    }

    @Override
    public CrmTokens renew(CrmTokens current) {
        Credentials credentials = Credentials.unpack(current.refreshToken());
        TokenEndpoint.Issued issued = tokens.grant(credentials.clientId(), credentials.clientSecret());
        return new CrmTokens(issued.accessToken(), current.refreshToken(), issued.expiresAt(), current.externalAccountId());
    }

    private String appKey() {
        String key = properties.appKey();
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("REDIAL_CRM_SERVICETITAN_APP_KEY is missing");
        }
        return key;
    }

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }
}
