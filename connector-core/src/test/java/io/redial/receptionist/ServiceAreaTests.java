package io.redial.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceAreaTests {

    final ServiceArea austin = new ServiceArea(List.of("78701-78759", "78610"));

    @Test
    void coversZipRangesAndSingleZips() {
        assertThat(austin.covers("78701")).isTrue();
        assertThat(austin.covers("78759")).isTrue();
        assertThat(austin.covers("78610")).isTrue();
        assertThat(austin.covers("78760")).isFalse();
        assertThat(austin.covers("77002")).isFalse();
    }

    @Test
    void anEmptyAreaServesEverywhere() {
        assertThat(new ServiceArea(List.of()).covers("10001")).isTrue();
    }

    @Test
    void findsTheZipAtTheEndOfAnAddressNotTheHouseNumber() {
        assertThat(ServiceArea.zipIn("12000 Research Blvd, Austin TX 78759-1234")).contains("78759");
        assertThat(ServiceArea.zipIn("10500 Research Blvd")).isEmpty();
        assertThat(ServiceArea.zipIn("10500 Research Blvd 78759")).contains("78759");
        assertThat(ServiceArea.zipIn("Elm Street")).isEmpty();
    }
}
