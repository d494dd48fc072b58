package io.redial.simulator;

import io.redial.shared.twilio.TwilioAccount;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Posts a webhook to this very app as Twilio would: the form signed with HMAC-SHA1 over
 * {@code REDIAL_PUBLIC_BASE_URL} + path (what the webhooks check), sent to the local port, so a simulated
 * call passes the same signature check, controllers and jobs as a real one. The start-up warm-up uses it too.
 */
@Component
public class LoopbackWebhooks {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final TwilioAccount account;
    private final Environment environment;

    LoopbackWebhooks(TwilioAccount account, Environment environment) {
        this.account = account;
        this.environment = environment;
    }

    /** @return the HTTP status and body of the app's answer */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(localUrl(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", sign(account.authToken(), account.publicUrl(path), form))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SimulatorUnavailable("the app did not answer its own webhook " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorUnavailable("interrupted while posting " + path, e);
        }
    }

    /** Twilio's scheme (TWILIO.md §2.1): the URL, then each parameter name and value in name order. */
    static String sign(String token, String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI localUrl(String path) {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new SimulatorUnavailable("no web server is running to receive the simulated webhook", null);
        }
        String context = environment.getProperty("server.servlet.context-path", "");
        return URI.create("http://127.0.0.1:" + port + context + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
