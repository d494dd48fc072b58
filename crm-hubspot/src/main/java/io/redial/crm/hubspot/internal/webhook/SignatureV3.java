package io.redial.crm.hubspot.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * HubSpot's request signature v3: base64(HMAC-SHA256(client secret, method + uri + raw body + timestamp)), UTF-8,
 * no separators, where uri is the full public URL HubSpot called (scheme, host, path and query string) and timestamp
 * the {@code X-HubSpot-Request-Timestamp} header as sent (epoch milliseconds). Older than five minutes is a replay
 * (HubSpot's SDKs: 300,000 ms); we also refuse one more than five minutes ahead. In the URI, exactly the twelve
 * encodings of {@link #DECODED} are decoded first ({@code %3A} as {@code :} and so on); everything else stays as sent.
 * <p>
 * Sources: HubSpot's "Validating requests" page, v3 section (its decoding table),
 * https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation (the table
 * read in a copy of the legacy-apps page, https://developers.hubspot.com/docs/api/webhooks/validating-requests, kept
 * on GitHub in Namit2111/Agent-Jivus); the
 * concatenation, HMAC, base64 and window as HubSpot's SDKs implement them: hubspot-api-nodejs
 * {@code src/utils/signature.ts} and hubspot-api-python {@code hubspot/utils/signature.py} (neither decodes the URI:
 * they take it as the caller rebuilt it).
 */
public final class SignatureV3 {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** HubSpot's table, in its order; the {@code ?} that opens the query string is never encoded, so needs none. */
    private static final Map<String, String> DECODED = Map.ofEntries(Map.entry("%3A", ":"), Map.entry("%2F", "/"),
            Map.entry("%3F", "?"), Map.entry("%40", "@"), Map.entry("%21", "!"), Map.entry("%24", "$"),
            Map.entry("%27", "'"), Map.entry("%28", "("), Map.entry("%29", ")"), Map.entry("%2A", "*"),
            Map.entry("%2C", ","), Map.entry("%3B", ";"));
    private static final Pattern ENCODED = Pattern.compile("%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)", Pattern.CASE_INSENSITIVE);

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
            mac.update((method + decodeReserved(uri)).getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String decodeReserved(String uri) {
        return ENCODED.matcher(uri).replaceAll(m -> Matcher.quoteReplacement(DECODED.get(m.group().toUpperCase(Locale.ROOT))));
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
