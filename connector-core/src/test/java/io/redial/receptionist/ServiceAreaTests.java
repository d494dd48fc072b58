package io.redial.receptionist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.shared.geo.GeoPoint;
import io.redial.shared.geo.ServiceRadius;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceAreaTests {

    static final GeoPoint AUSTIN_CAPITOL = new GeoPoint(30.2747, -97.7404);
    static final GeoPoint ROUND_ROCK = new GeoPoint(30.5083, -97.6789);
    static final GeoPoint HOUSTON = new GeoPoint(29.7604, -95.3698);

    final ServiceArea austin = new ServiceArea(List.of("78701-78759", "78610"));
    final ServiceArea aroundTheShop = new ServiceArea(List.of("78610"), new ServiceRadius(AUSTIN_CAPITOL, 25));

    @Test
    void coversZipRangesAndSingleZips() {
        assertThat(austin.covers("1 Main St 78701", null)).isTrue();
        assertThat(austin.covers("1 Main St 78759", null)).isTrue();
        assertThat(austin.covers("1 Main St 78610", null)).isTrue();
        assertThat(austin.covers("1 Main St 78760", null)).isFalse();
        assertThat(austin.covers("1 Main St, Houston TX 77002", null)).isFalse();
        assertThat(austin.covers("1 Main St", null)).as("no ZIP: cannot tell").isNull();
    }

    @Test
    void anEmptyAreaServesEverywhere() {
        assertThat(new ServiceArea(List.of()).covers("1 Broadway, New York 10001", null)).isTrue();
    }

    @Test
    void aRadiusDecidesByDistanceOnceTheAddressIsLocated() {
        assertThat(aroundTheShop.covers("100 Main St, Round Rock 78664", ROUND_ROCK)).isTrue();
        assertThat(aroundTheShop.covers("901 Bagby St, Houston 77002", HOUSTON)).isFalse();
        assertThat(aroundTheShop.covers("901 Bagby St, Houston 77002", null)).as("not located yet").isNull();
        assertThat(aroundTheShop.covers("12 Elm St, Buda 78610", null)).as("a listed ZIP needs no lookup").isTrue();
    }

    @Test
    void onlyAnUnlistedAddressNeedsLocating() {
        assertThat(aroundTheShop.needsLocation("12 Elm St, Buda 78610")).isFalse();
        assertThat(aroundTheShop.needsLocation("100 Main St, Round Rock 78664")).isTrue();
        assertThat(aroundTheShop.needsLocation("100 Main St, Round Rock")).isTrue();
        assertThat(austin.needsLocation("100 Main St, Round Rock")).as("no radius, nothing to locate").isFalse();
    }

    @Test
    void distancesAreGreatCircleMiles() {
        assertThat(AUSTIN_CAPITOL.milesTo(ROUND_ROCK)).isBetween(15.0, 18.0);
        assertThat(AUSTIN_CAPITOL.milesTo(HOUSTON)).isBetween(140.0, 150.0);
        assertThat(HOUSTON.milesTo(HOUSTON)).isZero();
    }

    @Test
    void aRadiusIsStoredAsOneTextAndReadBack() {
        ServiceRadius radius = new ServiceRadius(AUSTIN_CAPITOL, 25);
        assertThat(radius.encoded()).isEqualTo("30.274700,-97.740400,25");
        assertThat(ServiceRadius.parse(radius.encoded())).isEqualTo(radius);
        assertThatThrownBy(() -> ServiceRadius.parse("30.2,-97.7,0")).hasMessageContaining("between 0 and 500");
        assertThatThrownBy(() -> ServiceRadius.parse("95,-97.7,10")).hasMessageContaining("not a position");
        assertThatThrownBy(() -> ServiceRadius.parse("30.2,-97.7")).hasMessageContaining("latitude,longitude,miles");
    }

    @Test
    void findsTheZipAtTheEndOfAnAddressNotTheHouseNumber() {
        assertThat(ServiceArea.zipIn("12000 Research Blvd, Austin TX 78759-1234")).contains("78759");
        assertThat(ServiceArea.zipIn("10500 Research Blvd")).isEmpty();
        assertThat(ServiceArea.zipIn("10500 Research Blvd 78759")).contains("78759");
        assertThat(ServiceArea.zipIn("Elm Street")).isEmpty();
    }
}
