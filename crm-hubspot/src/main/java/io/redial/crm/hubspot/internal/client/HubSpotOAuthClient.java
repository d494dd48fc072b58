package io.redial.crm.hubspot.internal.client;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmException;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmTokens;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.hubspot.internal.api.TokenResponse;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/** HubSpot's OAuth: the consent URL and the {@code /oauth/2026-03/token} grants. Tokens never reach a log. */
public final class HubSpotOAuthClient {

    private static final String TOKEN_PATH = "/oauth/2026-03/token";

    private final RestClient http;
    private final String authBaseUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;

    public HubSpotOAuthClient(RestClient http, String authBaseUrl, String clientId, String clientSecret, Clock clock) {
        this.http = http;
        this.authBaseUrl = authBaseUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public URI authorizeUrl(Set<String> scopes, String state, URI redirectUri) {
        return UriComponentsBuilder.fromUriString(authBaseUrl).path("/oauth/authorize")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", redirectUri.toString())
                .queryParam("scope", String.join(" ", new TreeSet<>(scopes)))
                .queryParam("state", state)
                .encode().build().toUri();
    }

    public CrmTokens exchange(String code, URI redirectUri) {
        var form = form("authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri.toString());
        return grant(form, false);
    }

    /** A refused refresh token means the app was uninstalled or the grant revoked: credentials expired. */
    public CrmTokens refresh(String refreshToken) {
        var form = form("refresh_token");
        form.add("refresh_token", refreshToken);
        return grant(form, true);
    }

    private LinkedMultiValueMap<String, String> form(String grantType) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", grantType);
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        return form;
    }

    private CrmTokens grant(LinkedMultiValueMap<String, String> form, boolean refreshing) {
        try {
            TokenResponse token = http.post().uri(TOKEN_PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        CrmException mapped = HubSpotErrors.map(response.getStatusCode().value(), response.getHeaders(),
                                response.getBody().readAllBytes());
                        if (mapped instanceof CrmRejected && refreshing) {
                            throw new CrmAuthExpired("HubSpot refused the refresh token: " + mapped.getMessage(), null);
                        }
                        throw mapped;
                    })
                    .body(TokenResponse.class);
            if (token == null || token.accessToken() == null) {
                throw new CrmUnavailable("HubSpot's token endpoint answered without a token", null, null);
            }
            return new CrmTokens(token.accessToken(), token.refreshToken(), clock.instant().plusSeconds(token.expiresIn()),
                    token.hubId() == null ? null : String.valueOf(token.hubId()));
        } catch (ResourceAccessException e) {
            throw new CrmUnavailable("HubSpot's token endpoint is unreachable", null, e);
        }
    }
}
