package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmTokens;
import io.redial.crm.sync.OAuthGrants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** HubSpot's OAuth client registration, driven by Spring Security's token clients against the fake's token endpoint. */
class HubSpotOAuthTests {

    static final FakeHubSpot hubspot = new FakeHubSpot();
    static final String CALLBACK = "https://redial.example.com/crm/hubspot/oauth/callback";
    final HubSpotCrmProvider provider = new HubSpotCrmProvider(new HubSpotProperties(FakeHubSpot.CLIENT_ID,
            FakeHubSpot.CLIENT_SECRET, hubspot.baseUrl(), "https://app.hubspot.example", Duration.ofSeconds(2),
            Duration.ofSeconds(20)), Clock.systemUTC());
    final OAuthGrants grants = new OAuthGrants();

    @AfterAll
    static void stop() {
        hubspot.close();
    }

    @Test
    void theRegistrationAsksForTheFewestScopesAndSendsTheSecretInTheBody() {
        var registration = provider.clientRegistration();
        var consent = UriComponentsBuilder.fromUriString(request(CALLBACK).getAuthorizationRequestUri()).build();

        assertThat(registration.getRegistrationId()).isEqualTo("hubspot");
        assertThat(registration.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(hubspot.baseUrl() + "/oauth/2026-03/token");
        assertThat(consent.getHost()).isEqualTo("app.hubspot.example");
        assertThat(consent.getPath()).isEqualTo("/oauth/authorize");
        assertThat(consent.getQueryParams().getFirst("client_id")).isEqualTo(FakeHubSpot.CLIENT_ID);
        assertThat(consent.getQueryParams().getFirst("state")).isEqualTo("st-123");
        assertThat(java.net.URLDecoder.decode(consent.getQueryParams().getFirst("scope"), java.nio.charset.StandardCharsets.UTF_8)
                .split(" ")).containsExactlyInAnyOrder("oauth", "crm.objects.contacts.read", "crm.objects.contacts.write",
                        "crm.objects.deals.read", "crm.objects.deals.write", "crm.schemas.contacts.write");
    }

    @Test
    void exchangesTheCodeForTokensOfTheInstallingPortal() {
        CrmTokens tokens = grants.exchange(provider, request(CALLBACK), hubspot.consent(CALLBACK));

        assertThat(tokens.externalAccountId()).isEqualTo(String.valueOf(FakeHubSpot.HUB_ID));
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresAt()).isBetween(Instant.now().plusSeconds(1700), Instant.now().plusSeconds(1801));
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken());
    }

    @Test
    void aCodeForAnotherRedirectIsRejected() {
        String code = hubspot.consent("https://elsewhere.example/callback");

        assertThatThrownBy(() -> grants.exchange(provider, request(CALLBACK), code)).isInstanceOf(CrmRejected.class);
    }

    @Test
    void refreshingGivesANewAccessTokenUntilTheAppIsUninstalled() {
        CrmTokens tokens = grants.exchange(provider, request(CALLBACK), hubspot.consent(CALLBACK));

        CrmTokens refreshed = grants.refresh(provider, tokens);
        assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
        assertThat(refreshed.externalAccountId()).isEqualTo(String.valueOf(FakeHubSpot.HUB_ID));

        hubspot.uninstall();
        assertThatThrownBy(() -> grants.refresh(provider, refreshed)).isInstanceOf(CrmAuthExpired.class);
    }

    private OAuth2AuthorizationRequest request(String redirectUri) {
        var registration = provider.clientRegistration();
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId()).redirectUri(redirectUri).scopes(registration.getScopes())
                .state("st-123").build();
    }
}
