package io.redial.crm.jobber.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Jobber's webhook signature: {@code X-Jobber-Hmac-SHA256} = base64(HMAC-SHA256(app client secret, raw body)),
 * compared in constant time. Jobber documents no timestamp, so there is no replay window to check.
 */
public final class JobberHmac {

    public static final String HEADER = "X-Jobber-Hmac-SHA256";

    private final byte[] secret;

    public JobberHmac(String clientSecret) {
        this.secret = clientSecret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean valid(byte[] rawBody, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(rawBody).getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.US_ASCII));
    }

    public String sign(byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
