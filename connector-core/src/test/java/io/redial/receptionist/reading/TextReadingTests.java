package io.redial.receptionist.reading;

import io.redial.receptionist.Stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.leads.LeadDetails;
import org.junit.jupiter.api.Test;

/** Every detail from any message, in any order, with corrections. */
public class TextReadingTests {

    private static TextReading.Read read(String text, Stage stage) {
        return TextReading.read(text, stage, LeadDetails.NONE);
    }

    @Test
    void nameAndAddressInOneTextAfterTheNameQuestion() {
        TextReading.Read r = read("Dana Ortiz, 4512 Avenue F, 78751", Stage.ASKED_NAME);
        assertThat(r.name()).isEqualTo("Dana Ortiz");
        assertThat(r.address()).isEqualTo("4512 Avenue F, 78751");
    }

    @Test
    void theWholeRequestInTheFirstText() {
        TextReading.Read r = read("hi this is Marcus Lee at 4410 Duval St austin 78751, ac blowing warm air, tomorrow morning?", Stage.OPEN);
        assertThat(r.name()).isEqualTo("Marcus Lee");
        assertThat(r.address()).isEqualTo("4410 Duval St austin 78751");
    }

    @Test
    void lowerCaseUnitsAndReversedOrder() {
        TextReading.Read r = read("water heater popping. sam rivera, 500 e 5th st apt 1204, austin 78701", Stage.OPEN);
        assertThat(r.name()).isEqualTo("Sam Rivera");
        assertThat(r.address()).isEqualTo("500 e 5th st apt 1204, austin 78701");
        TextReading.Read reversed = read("2207 Western Trails Blvd 78745 - Jen Walsh - garbage disposal jammed", Stage.OPEN);
        assertThat(reversed.name()).isEqualTo("Jen Walsh");
        assertThat(reversed.address()).isEqualTo("2207 Western Trails Blvd 78745");
    }

    @Test
    void aPhoneNumberIsNotAHouseNumber() {
        TextReading.Read r = read("Hi im Luis Gomez, my number is 512-555-0143. outlet dead. 3300 Red River St 78705", Stage.OPEN);
        assertThat(r.name()).isEqualTo("Luis Gomez");
        assertThat(r.address()).isEqualTo("3300 Red River St 78705");
    }

    @Test
    void correctionsReplaceWhatWasWrong() {
        LeadDetails known = new LeadDetails("Priya Shah", "2010 W Koenig Ln 78756", true, "outlets", "electrical", null);
        assertThat(TextReading.read("no sorry its 2100 not 2010", Stage.OFFERED, known).address()).isEqualTo("2100 W Koenig Ln 78756");
        assertThat(TextReading.read("zip is 78757 not 78756", Stage.OFFERED, known).address()).isEqualTo("2010 W Koenig Ln 78757");
    }

    @Test
    void wordsThatAreNotNames() {
        assertThat(read("im so cold, furnace is out", Stage.OPEN).name()).isNull();
        assertThat(read("This is the THIRD time I text", Stage.OPEN).name()).isNull();
        assertThat(read("im 8 months pregnant and the ac died", Stage.OPEN).name()).isNull();
        assertThat(read("Hank Moss", Stage.ASKED_NAME).name()).isEqualTo("Hank Moss");
        assertThat(read("Hank Moss", Stage.ASKED_PROBLEM).name()).isNull();
    }
}
