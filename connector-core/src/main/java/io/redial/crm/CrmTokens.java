package io.redial.crm;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What an OAuth grant gave us. Core stores it encrypted and never logs it. */
public record CrmTokens(String accessToken, @Nullable String refreshToken, @Nullable Instant expiresAt,
        @Nullable String externalAccountId) {

    @Override
    public String toString() {
        return "CrmTokens[account=" + externalAccountId + ", expiresAt=" + expiresAt + "]";
    }
}
