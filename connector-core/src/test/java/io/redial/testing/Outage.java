package io.redial.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * A fake service gone down: every connection to it is reset, as when the service or the network between is
 * out, until {@link #close()} brings it back with everything it held.
 */
public final class Outage implements AutoCloseable {

    private final WireMockServer server;
    private final StubMapping down;

    private Outage(WireMockServer server) {
        this.server = server;
        // a higher priority than the fake's own answers, so it takes every request while it lasts
        this.down = server.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    public static Outage of(WireMockServer server) {
        return new Outage(server);
    }

    /** Requests that reached the fake while it was down (each was reset). */
    public long refused() {
        return server.getAllServeEvents().stream().filter(e -> e.getStubMapping().getId().equals(down.getId())).count();
    }

    @Override
    public void close() {
        server.removeStub(down);
    }
}
