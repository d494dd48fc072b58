package io.redial.crm;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * Implemented by providers installed through an OAuth authorization-code grant. Core drives the flow
 * with Spring Security's OAuth2 client (state, code exchange, refresh before expiry, storage); the
 * provider only describes its OAuth client and reads which account consented.
 */
public interface CrmOAuth {

    /**
     * The app's OAuth client at this CRM: registration id = the CRM's id, client id and secret from its
     * settings, authorize and token endpoints, the fewest scopes that work. The redirect URI may use
     * {@code {baseUrl}} and {@code {registrationId}}; core fills them in.
     */
    ClientRegistration clientRegistration();

    /** The account on the CRM's side that consented, from the token response's extra fields. */
    @Nullable String accountId(Map<String, Object> tokenResponseParameters);

    /**
     * For CRMs whose token answer does not name the account: asked once, after the code exchange, with the
     * new access token (e.g. a query of the CRM's API). None by default.
     */
    default @Nullable String accountIdFor(String accessToken) {
        return null;
    }

    /**
     * For CRMs whose token answer has no {@code expires_in}: when the access token expires, read from the
     * token itself (e.g. a JWT's {@code exp}). Null keeps what the token answer said.
     */
    default @Nullable Instant expiresAt(String accessToken) {
        return null;
    }

    /**
     * True for CRMs whose marketplace starts the install on their side and calls back without our
     * {@code state} (Jobber's Connect button): such a callback is taken, with the registration's redirect URI.
     */
    default boolean installStartsAtCrm() {
        return false;
    }
}
