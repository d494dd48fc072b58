package io.redial.crm.hubspot;

import io.redial.crm.CrmCapability;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmId;
import io.redial.crm.CrmOAuth;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmThrottle;
import io.redial.crm.hubspot.internal.client.HubSpotClient;
import io.redial.crm.hubspot.internal.mapping.HubSpotMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
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

/** HubSpot, installed from its marketplace by OAuth. */
public class HubSpotCrmProvider implements CrmProvider, CrmOAuth {

    public static final CrmId ID = new CrmId("hubspot");
    /** The fewest scopes that cover contacts, calls, notes, tasks (all under contacts) and deals. */
    static final Set<String> SCOPES = Set.of("oauth", "crm.objects.contacts.read", "crm.objects.contacts.write",
            "crm.objects.deals.read", "crm.objects.deals.write", "crm.schemas.contacts.write");

    private final HubSpotProperties properties;
    private final RestClient http;
    /** Portals whose contacts have {@code redial_phone_e164} (made by this node, or found there). */
    private final Set<String> keyedPortals = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ClientRegistration registration;
    private final Clock clock;

    private final @Nullable HubSpotJournal journal;

    public HubSpotCrmProvider(HubSpotProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        var factory = new JdkClientHttpRequestFactory(jdk);
        factory.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().requestFactory(factory).baseUrl(properties.apiBaseUrl()).build();
        this.registration = registration(properties);
        this.journal = properties.clientId() == null || properties.clientSecret() == null ? null
                : new HubSpotJournal(http, RestClient.builder().requestFactory(factory).build(), properties.clientId(),
                        properties.clientSecret(), clock);
    }

    /** Uninstalls come through HubSpot's Webhooks Journal, which core polls ({@link HubSpotJournal}). */
    @Override
    public java.util.Optional<io.redial.crm.CrmJournal> journal() {
        return java.util.Optional.ofNullable(journal);
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
                CrmCapability.FOLLOW_UP_TASKS, CrmCapability.BATCHES, CrmCapability.MEETINGS);
    }

    /** OAuth apps: 100 requests per 10 s per installed portal; CRM search: 4 per second per token. */
    @Override
    public Map<String, CrmRateLimit> rateLimits() {
        return Map.of(CrmThrottle.DEFAULT, new CrmRateLimit(100, Duration.ofSeconds(10)),
                HubSpotClient.SEARCH_BUDGET, new CrmRateLimit(4, Duration.ofSeconds(1)).separately()); // 5/s, counted apart
    }

    @Override
    public CrmGateway connect(CrmConnection connection) {
        return new HubSpotCrmGateway(new HubSpotClient(http, connection.accessToken(), connection.throttle()), connection, clock,
                keyedPortals);
    }

    @Override
    public ClientRegistration clientRegistration() {
        return registration;
    }

    /**
     * Contacts and deals open at the {@code url} HubSpot's own answer gave them (its spec's SimplePublicObject
     * {@code url}, whose form the spec does not give), once checked to be a page on hubspot.com or a subdomain. A record
     * whose answer carried none opens at {@code app.hubspot.com/contacts/<portal>/record/<object type>/<id>}, a
     * shape no HubSpot page in reach states, nor whether a portal on another data centre (hublet, e.g.
     * {@code app-eu1}) is forwarded there: docs/crm-hubspot.md, "Checked against HubSpot's documentation". Calls,
     * notes and tasks show on the contact's record, so they get no link of their own.
     */
    @Override
    public Optional<URI> recordLink(CrmRecordRef record, @Nullable String accountId) {
        boolean ownPage = record.type().equals("contact") || record.type().equals("deal");
        URI stored = record.link() == null ? null : HubSpotMapper.recordUrl(record.link().toString());
        if (ownPage && stored != null) {
            return Optional.of(stored);
        }
        String objectType = switch (record.type()) {
            case "contact" -> "0-1";
            case "deal" -> "0-3";
            default -> null;
        };
        if (objectType == null || accountId == null || accountId.isBlank()) {
            return Optional.empty();
        }
        String app = properties.authBaseUrl().replaceAll("/+$", "");
        return Optional.of(URI.create(app + "/contacts/" + accountId + "/record/" + objectType + "/" + record.id()));
    }

    /** HubSpot names the installing portal {@code hub_id} in its token answers. */
    @Override
    public @Nullable String accountId(Map<String, Object> tokenResponseParameters) {
        Object hub = tokenResponseParameters.get("hub_id");
        return hub == null ? null : String.valueOf(hub);
    }

    /**
     * HubSpot's OAuth client from {@code REDIAL_CRM_HUBSPOT_*}: consent on the app host, the dated token
     * endpoint on the API host, client id and secret in the form body.
     */
    private static ClientRegistration registration(HubSpotProperties properties) {
        return ClientRegistration.withRegistrationId(ID.value())
                .clientName("HubSpot")
                .clientId(require(properties.clientId(), "client id"))
                .clientSecret(require(properties.clientSecret(), "client secret"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/crm/{registrationId}/oauth/callback")
                .scope(SCOPES)
                .authorizationUri(properties.authBaseUrl().replaceAll("/+$", "") + "/oauth/authorize")
                .tokenUri(properties.apiBaseUrl().replaceAll("/+$", "") + "/oauth/2026-03/token")
                .build();
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("REDIAL_CRM_HUBSPOT: the " + what + " is missing");
        }
        return value;
    }
}
