package io.redial.crm.sync;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmOAuth;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmTokens;
import io.redial.crm.CrmUnavailable;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The token endpoint calls of CRM installs, made by Spring Security's OAuth2 client: the code exchange
 * after consent and the refresh before expiry. Answers map onto core's outcomes: a refused refresh
 * token is {@link CrmAuthExpired} (uninstalled or revoked), a refused code is {@link CrmRejected}, a
 * token endpoint that is down or throttling is {@link CrmUnavailable}.
 */
@Component
public class OAuthGrants {

    private final RestClientAuthorizationCodeTokenResponseClient codes = new RestClientAuthorizationCodeTokenResponseClient();
    private final RestClientRefreshTokenTokenResponseClient refreshes = new RestClientRefreshTokenTokenResponseClient();

    public OAuthGrants() {
        var jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        var factory = new JdkClientHttpRequestFactory(jdk);
        factory.setReadTimeout(Duration.ofSeconds(20));
        var tokenAnswers = new OAuth2AccessTokenResponseHttpMessageConverter();
        var standard = new DefaultMapOAuth2AccessTokenResponseConverter();
        tokenAnswers.setAccessTokenResponseConverter(parameters -> {
            // Some CRMs (Jobber) leave out token_type; their access tokens are bearer tokens all the same.
            Map<String, Object> typed = new HashMap<>(parameters);
            typed.putIfAbsent(OAuth2ParameterNames.TOKEN_TYPE, OAuth2AccessToken.TokenType.BEARER.getValue());
            return standard.convert(typed);
        });
        RestClient http = RestClient.builder().requestFactory(factory)
                .messageConverters(List.of(new FormHttpMessageConverter(), tokenAnswers))
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw new Refused(response.getStatusCode().value());
                })
                .build();
        codes.setRestClient(http);
        refreshes.setRestClient(http);
    }

    /** Exchanges the code the CRM put on our callback for the install's tokens. */
    public CrmTokens exchange(CrmOAuth crm, OAuth2AuthorizationRequest request, String code) {
        ClientRegistration registration = crm.clientRegistration();
        var response = OAuth2AuthorizationResponse.success(code).redirectUri(request.getRedirectUri())
                .state(request.getState()).build();
        try {
            return tokens(crm, codes.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
                    new OAuth2AuthorizationExchange(request, response))), null);
        } catch (Refused refused) {
            if (refused.clientError()) {
                throw new CrmRejected("the token endpoint refused the authorization code (HTTP " + refused.status + ")", null);
            }
            throw new CrmUnavailable("the token endpoint answered HTTP " + refused.status, null, null);
        } catch (OAuth2AuthorizationException e) {
            throw new CrmUnavailable("the token endpoint did not answer with tokens: " + e.getError().getErrorCode(), null, e);
        }
    }

    /** New tokens for {@code current}; keeps the refresh token and account when the CRM does not resend them. */
    public CrmTokens refresh(CrmOAuth crm, CrmTokens current) {
        if (current.refreshToken() == null) {
            throw new CrmAuthExpired("the access token expired and there is no refresh token", null);
        }
        var access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, current.accessToken(), null, null);
        try {
            return tokens(crm, refreshes.getTokenResponse(new OAuth2RefreshTokenGrantRequest(crm.clientRegistration(), access,
                    new OAuth2RefreshToken(current.refreshToken(), null))), current);
        } catch (Refused refused) {
            if (refused.clientError()) {
                throw new CrmAuthExpired("the CRM refused the refresh token (HTTP " + refused.status + ")", null);
            }
            throw new CrmUnavailable("the token endpoint answered HTTP " + refused.status, null, null);
        } catch (OAuth2AuthorizationException e) {
            throw new CrmUnavailable("the token endpoint did not answer with tokens: " + e.getError().getErrorCode(), null, e);
        }
    }

    private static CrmTokens tokens(CrmOAuth crm, OAuth2AccessTokenResponse response, @Nullable CrmTokens previous) {
        String refresh = response.getRefreshToken() != null ? response.getRefreshToken().getTokenValue()
                : previous == null ? null : previous.refreshToken();
        String access = response.getAccessToken().getTokenValue();
        String account = crm.accountId(response.getAdditionalParameters());
        if (account == null && previous == null) {
            account = crm.accountIdFor(access);
        }
        Instant expiresAt = crm.expiresAt(access);
        return new CrmTokens(access, refresh, expiresAt != null ? expiresAt : response.getAccessToken().getExpiresAt(),
                account != null ? account : previous == null ? null : previous.externalAccountId());
    }

    /** The token endpoint said no; 429 and 5xx are "later", any other 4xx is a refusal. */
    private static final class Refused extends RuntimeException {
        final int status;

        Refused(int status) {
            super("HTTP " + status, null, false, false);
            this.status = status;
        }

        boolean clientError() {
            return status >= 400 && status < 500 && status != 429;
        }
    }
}
