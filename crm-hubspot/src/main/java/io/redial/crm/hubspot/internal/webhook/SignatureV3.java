package io.redial.crm.hubspot.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * HubSpot's request signature v3: base64(HMAC-SHA256(client secret, method + uri + raw body + timestamp)),
 * where uri is the full public URL HubSpot called (query string included) and timestamp the
 * {@code X-HubSpot-Request-Timestamp} header in epoch milliseconds. Older than five minutes is a replay.
 */
public final class SignatureV3 {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final byte[] clientSecret;
    private final Clock clock;

    public SignatureV3(String clientSecret, Clock clock) {
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public boolean valid(String method, String uri, byte[] body, @Nullable String timestamp, @Nullable String signature) {
        if (timestamp == null || signature == null || !fresh(timestamp)) {
            return false;
        }
        byte[] expected = sign(method, uri, body, timestamp).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The signature HubSpot would send; public so fakes and tests sign the way HubSpot does. */
    public String sign(String method, String uri, byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret, "HmacSHA256"));
            mac.update((method + uri).getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private boolean fresh(String timestamp) {
        try {
            Instant sent = Instant.ofEpochMilli(Long.parseLong(timestamp));
            return Duration.between(sent, clock.instant()).abs().compareTo(MAX_AGE) <= 0;
        } catch (NumberFormatException garbled) {
            return false;
        }
    }
}
