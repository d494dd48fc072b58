package io.redial.receptionist.geocoding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.redial.shared.geo.GeoPoint;
import java.util.Locale;

/**
 * The Census geocoder's one-line-address endpoint on loopback. Like the real one it needs {@code address},
 * {@code benchmark} and {@code format}, answers 400 with an {@code errors} list when one is missing, and an
 * empty {@code addressMatches} for an address it cannot find.
 */
public final class FakeCensusGeocoder implements AutoCloseable {

    static final String PATH = "/geocoder/locations/onelineaddress";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    public FakeCensusGeocoder() {
        server.start();
        reset();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Only the default answers: 400 without the required parameters, no match otherwise. */
    public void reset() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo(PATH)).atPriority(10).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[\"Address, benchmark and format are required\"],\"status\":\"400\"}")));
        server.stubFor(valid().atPriority(9).willReturn(json(matches(""))));
    }

    public void knows(String address, GeoPoint point) {
        server.stubFor(valid().withQueryParam("address", equalTo(address)).atPriority(1).willReturn(json(matches(
                String.format(Locale.ROOT, """
                        {"matchedAddress":"%s","coordinates":{"x":%f,"y":%f},"tigerLineId":"1","side":"L"}""",
                        address.toUpperCase(Locale.ROOT), point.longitude(), point.latitude())))));
    }

    public void answersSlowly(int millis) {
        server.stubFor(valid().atPriority(1).willReturn(json(matches("")).withFixedDelay(millis)));
    }

    public void isDown() {
        server.stubFor(valid().atPriority(1).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
    }

    public int requests() {
        return server.getAllServeEvents().size();
    }

    private static MappingBuilder valid() {
        return get(urlPathEqualTo(PATH)).withQueryParam("address", matching(".+"))
                .withQueryParam("benchmark", matching("Public_AR_Current|\\d+")).withQueryParam("format", equalTo("json"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String matches(String match) {
        return "{\"result\":{\"input\":{\"benchmark\":{\"benchmarkName\":\"Public_AR_Current\"}},\"addressMatches\":["
                + match + "]}}";
    }

    @Override
    public void close() {
        server.stop();
    }
}
