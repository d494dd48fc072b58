package io.redial.crm.sync;

import io.redial.crm.CrmTokens;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Tokens as one plaintext for sealing: four lines, since tokens never contain line breaks. */
final class TokenCodec {

    private TokenCodec() {
    }

    static String encode(CrmTokens tokens) {
        return tokens.accessToken() + "\n" + blank(tokens.refreshToken()) + "\n"
                + (tokens.expiresAt() == null ? "" : tokens.expiresAt().toString()) + "\n"
                + blank(tokens.externalAccountId());
    }

    static CrmTokens decode(String text) {
        String[] parts = text.split("\n", -1);
        return new CrmTokens(parts[0], nullable(parts[1]), parts[2].isEmpty() ? null : Instant.parse(parts[2]),
                nullable(parts[3]));
    }

    private static String blank(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String nullable(String value) {
        return value.isEmpty() ? null : value;
    }
}
