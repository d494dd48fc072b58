package io.redial.crm.servicetitan.internal.mapping;

import io.redial.crm.CrmAuthExpired;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's client id and secret, packed into the one secret core stores encrypted for a connection (the
 * refresh-token slot: for client credentials they are what gets the next token). Never logged.
 */
public record Credentials(String clientId, String clientSecret) {

    private static final String VERSION = "st1";

    public String pack() {
        return VERSION + "." + b64(clientId) + "." + b64(clientSecret);
    }

    public static Credentials unpack(@Nullable String packed) {
        String[] parts = packed == null ? new String[0] : packed.split("\\.");
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new CrmAuthExpired("no ServiceTitan client credentials stored; reconnect on the CRM screen", null);
        }
        return new Credentials(text(parts[1]), text(parts[2]));
    }

    @Override
    public String toString() {
        return "Credentials[clientId=" + clientId + "]";
    }

    private static String b64(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String value) {
        return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
    }
}
