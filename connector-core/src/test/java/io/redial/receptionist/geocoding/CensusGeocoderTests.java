package io.redial.receptionist.geocoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.shared.geo.GeoPoint;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CensusGeocoderTests {

    static final FakeCensusGeocoder census = new FakeCensusGeocoder();
    static final GeoPoint ROUND_ROCK = new GeoPoint(30.5083, -97.6789);

    CensusGeocoder geocoder = new CensusGeocoder(census.baseUrl(), Duration.ofMillis(500));
    // For the tests about answers, not about the budget: a loaded machine may take longer for a first request.
    CensusGeocoder patient = new CensusGeocoder(census.baseUrl(), Duration.ofSeconds(10));

    @BeforeEach
    void reset() {
        census.reset();
    }

    @AfterAll
    static void stop() {
        census.close();
    }

    @Test
    void locatesAnAddressAndRemembersIt() {
        census.knows("100 Main St, Round Rock TX 78664", ROUND_ROCK);

        assertThat(patient.locate("100 Main St, Round Rock TX 78664")).contains(ROUND_ROCK);
        assertThat(patient.locate(" 100 MAIN ST, Round Rock TX 78664")).contains(ROUND_ROCK);
        assertThat(census.requests()).as("the second lookup is answered from memory").isEqualTo(1);
    }

    @Test
    void anUnknownAddressIsNotLocated() {
        assertThat(patient.locate("1 Nowhere Lane")).isEmpty();
        // WireMock records a request after it has answered it: on a busy machine the count lags the answer.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(census.requests()).isEqualTo(1));
    }

    @Test
    void anOutageOrASlowAnswerLeavesItUndecidedWithinTheBudget() {
        census.isDown();
        assertThat(geocoder.locate("100 Main St, Round Rock TX 78664")).isEmpty();

        census.answersSlowly(3_000);
        long t0 = System.nanoTime();
        assertThat(geocoder.locate("200 Main St, Round Rock TX 78664")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void nobodyAnswersAtAllIsNotAnError() {
        CensusGeocoder unreachable = new CensusGeocoder("http://127.0.0.1:1", Duration.ofMillis(300));
        assertThat(unreachable.locate("100 Main St")).isEmpty();
    }
}
