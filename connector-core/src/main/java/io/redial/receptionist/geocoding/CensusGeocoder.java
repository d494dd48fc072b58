package io.redial.receptionist.geocoding;

import io.redial.receptionist.Geocoder;
import io.redial.shared.geo.GeoPoint;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The U.S. Census Bureau's geocoder: free, keyless, U.S. street addresses only, which is where our
 * contractors work. One request per new address within a hard time budget; answers are remembered.
 */
@Component
class CensusGeocoder implements Geocoder {

    private static final Logger log = LoggerFactory.getLogger(CensusGeocoder.class);
    private static final int REMEMBERED = 2_000;

    private final URI baseUrl;
    private final Duration budget;
    private final HttpClient http;
    private final Map<String, GeoPoint> found = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GeoPoint> eldest) {
            return size() > REMEMBERED;
        }
    });

    CensusGeocoder(@Value("${redial.geocoder.base-url:https://geocoding.geo.census.gov}") String baseUrl,
            @Value("${redial.geocoder.budget:PT1.5S}") Duration budget) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.budget = budget;
        this.http = HttpClient.newBuilder().connectTimeout(budget).build();
    }

    @Override
    public Optional<GeoPoint> locate(String address) {
        String key = address.strip().toLowerCase(java.util.Locale.ROOT);
        GeoPoint known = found.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        URI uri = baseUrl.resolve("geocoder/locations/onelineaddress?benchmark=Public_AR_Current&format=json&address="
                + URLEncoder.encode(address, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(budget).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("geocoder answered {} for an address; the service area stays undecided", response.statusCode());
                return Optional.empty();
            }
            Optional<GeoPoint> point = firstMatch(JsonMapper.shared().readTree(response.body()));
            point.ifPresent(p -> found.put(key, p));
            return point;
        } catch (IOException | RuntimeException e) {
            log.warn("geocoder unavailable ({}); the service area stays undecided", e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<GeoPoint> firstMatch(JsonNode body) {
        JsonNode matches = body.path("result").path("addressMatches");
        if (!matches.isArray() || matches.isEmpty()) {
            return Optional.empty();
        }
        JsonNode c = matches.get(0).path("coordinates");
        if (!c.path("x").isNumber() || !c.path("y").isNumber()) {
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(c.path("y").asDouble(), c.path("x").asDouble())); // x is longitude
    }
}
