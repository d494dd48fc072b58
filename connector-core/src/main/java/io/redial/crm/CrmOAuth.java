package io.redial.crm;

import java.net.URI;
import java.util.Set;

/**
 * Implemented by providers installed through an OAuth authorization-code grant. Core drives the flow
 * (state, callback, storage, refresh before expiry); the provider only knows the vendor's endpoints.
 * Refresh failures map onto {@link CrmException}: a dead refresh token is {@link CrmAuthExpired}.
 */
public interface CrmOAuth {

    /** Where to send the installer's browser; {@code state} comes back on the callback. */
    URI authorizeUrl(String state, URI redirectUri);

    Set<String> scopes();

    CrmTokens exchange(String code, URI redirectUri);

    CrmTokens refresh(String refreshToken);
}
