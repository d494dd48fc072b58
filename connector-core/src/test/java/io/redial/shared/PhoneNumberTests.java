package io.redial.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

    @Test
    void parsesWhatPeopleAndCarriersWriteIntoE164() {
        assertThat(PhoneNumber.parse("(512) 555-0143").e164()).isEqualTo("+15125550143");
        assertThat(PhoneNumber.parse("+1 512 555 0143").e164()).isEqualTo("+15125550143");
        assertThat(PhoneNumber.parse("+52 55 1234 5678").region()).isEqualTo("MX");
    }

    /** E.164 input skips libphonenumber's parser: it must still answer exactly as the parser does. */
    @ParameterizedTest
    @ValueSource(strings = {"+15125550143", "+14165550143", "+18095550143", "+12845550143", "+525512345678",
            "+447911123456", "+441481123456", "+390612345678", "+3906123", "+79161234567", "+77011234567",
            "+8613812345678", "+2348031234567", "+35312345678", "+1512555014", "+151255501430", "+999123456789",
            "+80012345678", "+1000000000"})
    void carrierNumbersGetTheParsersAnswerWithoutTheParser(String e164) {
        var util = PhoneNumberUtil.getInstance();
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(e164, "US");
        } catch (NumberParseException notANumber) {
            assertThatThrownBy(() -> PhoneNumber.parse(e164)).isInstanceOf(IllegalArgumentException.class);
            assertThat(new PhoneNumber(e164).region()).isEqualTo("ZZ");
            return;
        }
        if (util.isPossibleNumber(parsed)) {
            assertThat(PhoneNumber.parse(e164).e164()).isEqualTo(util.format(parsed, PhoneNumberFormat.E164));
            assertThat(PhoneNumber.parse(e164).region()).isEqualTo(util.getRegionCodeForNumber(parsed));
        } else {
            assertThatThrownBy(() -> PhoneNumber.parse(e164)).isInstanceOf(IllegalArgumentException.class);
        }
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

    @Test
    void peopleReadNumbersInTheBusinesssNationalFormatAndForeignOnesInternationally() {
        PhoneNumber austinLine = new PhoneNumber("+15125550100");

        assertThat(new PhoneNumber("+15125550143").display(austinLine)).isEqualTo("(512) 555-0143");
        assertThat(new PhoneNumber("+14165550143").display(austinLine)).isEqualTo("(416) 555-0143");
        assertThat(new PhoneNumber("+442079460018").display(austinLine)).isEqualTo("+44 20 7946 0018");
        assertThat(new PhoneNumber("+442079460018").display(new PhoneNumber("+442079460000"))).isEqualTo("020 7946 0018");
    }
}
