package io.redial.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts webhooks the way Twilio does: a form body signed with HMAC-SHA1 over the public URL plus the
 * sorted parameters (TWILIO.md §2.1). Written from the algorithm, not with the SDK, so it checks the app.
 */
public final class TwilioWebhooks {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI appBaseUrl;
    private final String publicBaseUrl;
    private final String authToken;

    public TwilioWebhooks(URI appBaseUrl, String publicBaseUrl, String authToken) {
        this.appBaseUrl = appBaseUrl;
        this.publicBaseUrl = publicBaseUrl;
        this.authToken = authToken;
    }

    public static String sign(String token, String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postSigned(String path, Map<String, String> form) {
        return post(path, form, sign(authToken, publicBaseUrl + path, form));
    }

    /** {@code signature} may be null (unsigned) or anything forged. */
    public HttpResponse<String> post(String path, Map<String, String> form, String signature) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(appBaseUrl.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
