package io.redial.conversations.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * twilio-java's HTTP client with two changes. It sends each request once: the SDK's own retry on 5xx can
 * create a message twice, and retries belong to our send ledger. And it can point at another base URL
 * ({@code REDIAL_TWILIO_API_BASE_URL}), which the SDK has no setting for, so tests reach a fake.
 */
class SingleShotHttpClient extends NetworkHttpClient {

    private final URI apiBaseUrl;
    private final boolean rewrite;

    SingleShotHttpClient(URI apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
        this.rewrite = !apiBaseUrl.getHost().endsWith(".twilio.com");
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
    public Response makeRequest(Request request) {
        return super.makeRequest(rewrite ? rebased(request) : request);
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
        return copy;
    }
}
