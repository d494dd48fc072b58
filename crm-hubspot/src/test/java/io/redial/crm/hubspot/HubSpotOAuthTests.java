package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/** HubSpot's OAuth grants against the fake's token endpoint. */
class HubSpotOAuthTests {

    static final FakeHubSpot hubspot = new FakeHubSpot();
    static final URI CALLBACK = URI.create("https://redial.example.com/crm/hubspot/oauth/callback");
    final HubSpotCrmProvider provider = new HubSpotCrmProvider(new HubSpotProperties(FakeHubSpot.CLIENT_ID,
            FakeHubSpot.CLIENT_SECRET, hubspot.baseUrl(), "https://app.hubspot.example", Duration.ofSeconds(2),
            Duration.ofSeconds(20)), Clock.systemUTC());

    @AfterAll
    static void stop() {
        hubspot.close();
    }

    @Test
    void theConsentLinkAsksForTheFewestScopesAndCarriesTheState() {
        var query = UriComponentsBuilder.fromUri(provider.authorizeUrl("st-123", CALLBACK)).build().getQueryParams();

        assertThat(provider.authorizeUrl("st-123", CALLBACK).toString()).startsWith("https://app.hubspot.example/oauth/authorize?");
        assertThat(query.getFirst("client_id")).isEqualTo(FakeHubSpot.CLIENT_ID);
        assertThat(query.getFirst("state")).isEqualTo("st-123");
        assertThat(java.net.URLDecoder.decode(query.getFirst("scope"), java.nio.charset.StandardCharsets.UTF_8).split(" "))
                .containsExactlyInAnyOrder("oauth", "crm.objects.contacts.read", "crm.objects.contacts.write",
                        "crm.objects.deals.read", "crm.objects.deals.write");
    }

    @Test
    void exchangesTheCodeForTokensOfTheInstallingPortal() {
        CrmTokens tokens = provider.exchange(hubspot.consent(CALLBACK.toString()), CALLBACK);

        assertThat(tokens.externalAccountId()).isEqualTo(String.valueOf(FakeHubSpot.HUB_ID));
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresAt()).isBetween(Instant.now().plusSeconds(1700), Instant.now().plusSeconds(1801));
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken());
    }

    @Test
    void aCodeForAnotherRedirectIsRejected() {
        String code = hubspot.consent("https://elsewhere.example/callback");

        assertThatThrownBy(() -> provider.exchange(code, CALLBACK)).isInstanceOf(CrmRejected.class);
    }

    @Test
    void refreshingGivesANewAccessTokenUntilTheAppIsUninstalled() {
        CrmTokens tokens = provider.exchange(hubspot.consent(CALLBACK.toString()), CALLBACK);

        CrmTokens refreshed = provider.refresh(tokens.refreshToken());
        assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());

        hubspot.uninstall();
        assertThatThrownBy(() -> provider.refresh(tokens.refreshToken())).isInstanceOf(CrmAuthExpired.class);
    }
}
