package io.redial.crm;

import java.time.Duration;

/**
 * Implemented by providers whose tenants hand us their own client id and secret (no consent redirect, no
 * refresh token), such as ServiceTitan. The admin enters them once; the provider checks them by fetching
 * a token and packs what it needs to fetch the next one into {@link CrmTokens#refreshToken()}, which core
 * keeps encrypted. Core renews the access token {@link #renewAhead()} before it expires, once across nodes.
 */
public interface CrmClientCredentials {

    /**
     * A first token for the account, which proves the credentials work. Throws {@link CrmAuthExpired} or
     * {@link CrmRejected} when the CRM refuses them, {@link CrmUnavailable} when it cannot say.
     */
    CrmTokens issue(String accountId, String clientId, String clientSecret);

    /** A fresh access token for the credentials {@code current} carries; {@link CrmAuthExpired} when refused. */
    CrmTokens renew(CrmTokens current);

    /** What the console calls the account id, in the CRM's words (e.g. "Tenant ID"). */
    default String accountIdLabel() {
        return "Account ID";
    }

    /** Further settings the connection form asks for, setting key → label in the CRM's words. */
    default java.util.Map<String, String> connectionSettings() {
        return java.util.Map.of();
    }

    /** How long before expiry the access token is renewed. */
    default Duration renewAhead() {
        return Duration.ofMinutes(1);
    }
}
