package io.redial.conversations.twilio;

import com.twilio.constant.EnumConstants.ContentType;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.HttpUtility;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * twilio-java's HTTP transport, with three changes. It sends each request once: the SDK's own retry on 5xx
 * can create a message twice, and retries belong to our send ledger. It can point at another base URL
 * ({@code REDIAL_TWILIO_API_BASE_URL}), which the SDK has no setting for, so tests reach a fake. And it goes
 * over the JDK's {@link HttpURLConnection} (kept-alive connections, the JDK's proxy settings) instead of the
 * SDK's Apache client, whose request pipeline cost about as much CPU per text as the rest of the send.
 * The SDK still builds every request and reads every answer; only the bytes travel differently.
 */
class SingleShotHttpClient extends HttpClient {

    /** As twilio-java's own client: 10 s to connect; reading waits 30.5 s by default ({@code redial.twilio.read-timeout}). */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI apiBaseUrl;
    private final boolean rewrite;
    private final Duration readTimeout;

    SingleShotHttpClient(URI apiBaseUrl, Duration readTimeout) {
        this.apiBaseUrl = apiBaseUrl;
        this.rewrite = !apiBaseUrl.getHost().endsWith(".twilio.com");
        this.readTimeout = readTimeout;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request original) {
        Request request = rewrite ? rebased(original) : original;
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.PATCH) { // not a verb HttpURLConnection knows; no API we call uses it
            throw new ApiConnectionException("PATCH is not supported by this transport: " + request.getUrl());
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) request.constructURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setRequestMethod(method.toString().toUpperCase(Locale.ROOT));
            connection.setRequestProperty("Accept", "application/json");
            List<String> agentExtensions = request.getUserAgentExtensions();
            connection.setRequestProperty("User-Agent",
                    HttpUtility.getUserAgentString(agentExtensions == null ? List.of() : agentExtensions, false));
            if (request.requiresAuthentication()) {
                connection.setRequestProperty("Authorization", request.getAuthString());
            }
            request.getHeaderParams().forEach((name, values) -> values.forEach(v -> connection.addRequestProperty(name, v)));
            if (method == HttpMethod.POST || method == HttpMethod.PUT) {
                boolean json = request.getContentType() == ContentType.JSON;
                byte[] body = (json ? request.getBody() : request.encodeFormBody()).getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                connection.setRequestProperty("Content-Type",
                        json ? "application/json" : "application/x-www-form-urlencoded; charset=UTF-8");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            // Read to the end and closed, so the connection goes back to the JDK's keep-alive cache.
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                return new Response(in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8), status);
            }
        } catch (IOException e) {
            throw new ApiConnectionException("Twilio could not be reached: " + e.getMessage(), e);
        }
    }

    private Request rebased(Request original) {
        URL url = original.constructURL();
        // The path comes back percent-encoded and Request encodes what it is given: decode once, or a
        // number in the path (Lookup's /v2/PhoneNumbers/+1…) would arrive encoded twice.
        String path = URLDecoder.decode(url.getPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        Request copy = new Request(original.getMethod(), apiBaseUrl + path);
        original.getQueryParams().forEach((k, values) -> values.forEach(v -> copy.addQueryParam(k, v)));
        original.getPostParams().forEach((k, values) -> values.forEach(v -> copy.addPostParam(k, v)));
        original.getHeaderParams().forEach((k, values) -> values.forEach(v -> copy.addHeaderParam(k, v)));
        copy.setContentType(original.getContentType());
        copy.setAuth(original.getUsername(), original.getPassword());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }
}
