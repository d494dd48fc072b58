package io.redial.crm.servicetitan.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.crm.servicetitan.internal.api.Address;
import org.junit.jupiter.api.Test;

/** Addresses as callers text them, split into the fields ServiceTitan requires, or left as text. */
class AddressesTests {

    @Test
    void readsTheUsualShapes() {
        assertThat(Addresses.parse("1200 Barton Springs Rd, Austin TX 78704"))
                .contains(new Address("1200 Barton Springs Rd", null, "Austin", "TX", "78704", "USA"));
        assertThat(Addresses.parse("12 Elm St, Apt 4, Austin, tx 78701-1234, USA"))
                .contains(new Address("12 Elm St", "Apt 4", "Austin", "TX", "78701", "USA"));
    }

    @Test
    void leavesWhatItCannotReadAsText() {
        assertThat(Addresses.parse("the blue house past the church")).isEmpty();
        assertThat(Addresses.parse("12 Elm St Austin")).isEmpty();
        assertThat(Addresses.parse(null)).isEmpty();
    }

    @Test
    void thePlaceIsTheSameForTheSameStreetAndZipWhateverTheSpelling() {
        var a = new Address("12 Elm St.", null, "Austin", "TX", "78701", "USA");
        assertThat(Addresses.samePlace(a, new Address("12 ELM ST", "", "Austin", "TX", "78701", "USA"))).isTrue();
        assertThat(Addresses.samePlace(a, new Address("14 Elm St", null, "Austin", "TX", "78701", "USA"))).isFalse();
    }
}
