package io.redial.crm.servicetitan;

import io.redial.crm.CrmCapability;
import io.redial.crm.CrmClientCredentials;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmId;
import io.redial.crm.CrmJobRouting;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmTokens;
import io.redial.crm.servicetitan.internal.api.Named;
import io.redial.crm.servicetitan.internal.api.Page;
import io.redial.crm.servicetitan.internal.client.ServiceTitanClient;
import io.redial.crm.servicetitan.internal.client.TokenEndpoint;
import io.redial.crm.servicetitan.internal.mapping.Credentials;
import io.redial.crm.servicetitan.internal.mapping.JobMapping;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
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
public class ServiceTitanCrmProvider implements CrmProvider, CrmClientCredentials, CrmJobRouting {

    public static final CrmId ID = new CrmId("servicetitan");
    static final String BUSINESS_UNIT = "businessUnit";
    static final String JOB_TYPE = "jobType";
    static final String PRIORITY = "priority";
    static final String CAMPAIGN = "campaign";

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

    @Override
    public String accountIdLabel() {
        return "ServiceTitan Tenant ID";
    }

    /** The tag the tenant made under Settings → Integrations → Booking Provider Tags and chose for our app. */
    @Override
    public Map<String, String> connectionSettings() {
        return Map.of(ServiceTitanCrmGateway.BOOKING_PROVIDER, "Booking Provider Tag ID");
    }

    /** Business units (Settings), job types (JPM) and campaigns (Marketing) as the tenant has them; priorities are fixed. */
    @Override
    public List<Column> columns(CrmConnection connection) {
        ServiceTitanClient st = new ServiceTitanClient(api, appKey(), connection.accessToken(),
                java.util.Objects.requireNonNull(connection.externalAccountId()), connection.throttle());
        return List.of(new Column(BUSINESS_UNIT, "Business unit", active(st, "settings", "/business-units")),
                new Column(JOB_TYPE, "Job type", active(st, "jpm", "/job-types")),
                new Column(PRIORITY, "Priority", JobMapping.PRIORITIES.stream().map(p -> new Choice(p, p)).toList()),
                new Column(CAMPAIGN, "Campaign", active(st, "marketing", "/campaigns")));
    }

    @Override
    public List<Row> rows(Map<String, String> settings) {
        return JobMapping.all(settings).stream().map(m -> new Row(m.trade(), m.urgency(), Map.of(
                BUSINESS_UNIT, String.valueOf(m.businessUnitId()), JOB_TYPE, String.valueOf(m.jobTypeId()),
                PRIORITY, m.priority(), CAMPAIGN, String.valueOf(m.campaignId())))).toList();
    }

    @Override
    public Map<String, String> withRows(Map<String, String> settings, List<Row> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (!JobMapping.isSettingKey(k)) {
                out.put(k, v);
            }
        });
        for (Row row : rows) {
            JobMapping mapping = new JobMapping(row.trade(), row.urgency(), Long.parseLong(row.values().get(BUSINESS_UNIT)),
                    Long.parseLong(row.values().get(JOB_TYPE)), row.values().get(PRIORITY),
                    Long.parseLong(row.values().get(CAMPAIGN)));
            out.put(mapping.settingKey(), mapping.settingValue());
        }
        return out;
    }

    private static List<Choice> active(ServiceTitanClient st, String module, String path) {
        return st.get(module, path, Map.of("active", "True", "pageSize", 500), new ParameterizedTypeReference<Page<Named>>() { })
                .data().stream().map(n -> new Choice(String.valueOf(n.id()), n.name())).toList();
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
