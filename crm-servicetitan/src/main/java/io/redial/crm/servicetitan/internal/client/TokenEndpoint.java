package io.redial.crm.servicetitan.internal.client;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.servicetitan.internal.api.AccessToken;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * ServiceTitan's token endpoint ({@code {auth base}/connect/token}): a client-credentials grant with the
 * tenant's client id and secret. There is no refresh token; a new grant is the only way to a new token.
 */
public final class TokenEndpoint {

    public record Issued(String accessToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]";
        }
    }

    private final RestClient http;
    private final Clock clock;

    public TokenEndpoint(RestClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** {@link CrmAuthExpired} when ServiceTitan refuses the client id or secret; {@link CrmUnavailable} when it is busy or down. */
    public Issued grant(String clientId, String clientSecret) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        Instant asked = clock.instant();
        try {
            AccessToken token = http.post().uri("/connect/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form).retrieve()
                    .onStatus(status -> status.isError(), (request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 429 || status >= 500) {
                            throw new CrmUnavailable("ServiceTitan's token endpoint answered " + status,
                                    ServiceTitanErrors.retryAfter(response.getHeaders()), null);
                        }
                        throw new CrmAuthExpired("ServiceTitan refused the client id or secret (HTTP " + status + ")", null);
                    })
                    .body(AccessToken.class);
            if (token == null || token.accessToken() == null || token.accessToken().isBlank()) {
                throw new CrmUnavailable("ServiceTitan's token endpoint answered without a token", null, null);
            }
            return new Issued(token.accessToken(), asked.plusSeconds(token.expiresIn()));
        } catch (ResourceAccessException e) {
            throw new CrmUnavailable("ServiceTitan's token endpoint unreachable: "
                    + e.getMostSpecificCause().getClass().getSimpleName(), null, e);
        }
    }
}
