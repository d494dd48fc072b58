package io.redial.shared.twilio;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's Twilio account from the environment. Without an account SID Redial runs on the sandbox
 * carrier: texts are recorded for the console's simulator, and webhooks are signed with a sandbox token.
 */
@Component
public class TwilioAccount {

    private final String accountSid;
    private final String authToken;
    private final URI apiBaseUrl;
    private final URI publicBaseUrl;

    public TwilioAccount(
            @Value("${twilio.account-sid:}") String accountSid,
            @Value("${twilio.auth-token:}") String authToken,
            @Value("${redial.twilio.api-base-url:https://api.twilio.com}") String apiBaseUrl,
            @Value("${redial.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.accountSid = accountSid.trim();
        this.authToken = authToken.isBlank() ? randomSandboxToken() : authToken.trim();
        this.apiBaseUrl = URI.create(stripTrailingSlash(apiBaseUrl.trim()));
        this.publicBaseUrl = URI.create(stripTrailingSlash(publicBaseUrl.trim()));
        if (!this.accountSid.isEmpty() && authToken.isBlank()) {
            throw new IllegalStateException("TWILIO_ACCOUNT_SID is set but TWILIO_AUTH_TOKEN is not");
        }
    }

    public boolean sandbox() {
        return accountSid.isEmpty();
    }

    public String accountSid() {
        return sandbox() ? "ACsandbox" : accountSid;
    }

    /** The token webhooks are signed with; in sandbox mode a random one that only this process knows. */
    public String authToken() {
        return authToken;
    }

    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /** The URL Twilio calls us on; signatures are computed over it, never over what the servlet sees. */
    public URI publicBaseUrl() {
        return publicBaseUrl;
    }

    public String publicUrl(String path) {
        return publicBaseUrl + path;
    }

    private static String randomSandboxToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
