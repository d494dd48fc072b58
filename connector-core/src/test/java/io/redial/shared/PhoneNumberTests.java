package io.redial.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNumberTests {

    @Test
    void parsesWhatPeopleAndCarriersWriteIntoE164() {
        assertThat(PhoneNumber.parse("(512) 555-0143").e164()).isEqualTo("+15125550143");
        assertThat(PhoneNumber.parse("+1 512 555 0143").e164()).isEqualTo("+15125550143");
        assertThat(PhoneNumber.parse("+52 55 1234 5678").region()).isEqualTo("MX");
    }

    @Test
    void refusesWhatIsNotAPhoneNumber() {
        assertThatThrownBy(() -> PhoneNumber.parse("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("5125550143")).hasMessageContaining("E.164");
    }

    @Test
    void logsNeverCarryTheWholeNumber() {
        assertThat(new PhoneNumber("+15125550143").toString()).isEqualTo("+1********43").doesNotContain("555");
    }
}
