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
        TextReading.Read r = read("Noor Haddad, 3807 Avenue C, 78751", Stage.ASKED_NAME);
        assertThat(r.name()).isEqualTo("Noor Haddad");
        assertThat(r.address()).isEqualTo("3807 Avenue C, 78751");
    }

    @Test
    void theWholeRequestInTheFirstText() {
        TextReading.Read r = read("hey this is Ollie Grant at 1306 Kenwood Ave austin 78704, furnace clicking, monday after lunch?", Stage.OPEN);
        assertThat(r.name()).isEqualTo("Ollie Grant");
        assertThat(r.address()).isEqualTo("1306 Kenwood Ave austin 78704");
    }

    @Test
    void lowerCaseUnitsAndReversedOrder() {
        TextReading.Read r = read("disposal stuck. tess moreno, 300 w 15th st unit 802, austin 78701", Stage.OPEN);
        assertThat(r.name()).isEqualTo("Tess Moreno");
        assertThat(r.address()).isEqualTo("300 w 15th st unit 802, austin 78701");
        TextReading.Read reversed = read("4900 Convict Hill Rd 78749 - Ike Novak - breaker keeps tripping", Stage.OPEN);
        assertThat(reversed.name()).isEqualTo("Ike Novak");
        assertThat(reversed.address()).isEqualTo("4900 Convict Hill Rd 78749");
    }

    @Test
    void aPhoneNumberIsNotAHouseNumber() {
        TextReading.Read r = read("Hello im Vera Quinn, reach me at (512) 555-0177. gfci keeps popping. 2105 Exposition Blvd 78703", Stage.OPEN);
        assertThat(r.name()).isEqualTo("Vera Quinn");
        assertThat(r.address()).isEqualTo("2105 Exposition Blvd 78703");
    }

    @Test
    void correctionsReplaceWhatWasWrong() {
        LeadDetails known = new LeadDetails("Rhea Mills", "3010 Bull Creek Rd 78731", true, "outlets", "electrical", null);
        assertThat(TextReading.read("oops its 3100 not 3010", Stage.OFFERED, known).address()).isEqualTo("3100 Bull Creek Rd 78731");
        assertThat(TextReading.read("zip is 78703 not 78731", Stage.OFFERED, known).address()).isEqualTo("3010 Bull Creek Rd 78703");
    }

    @Test
    void wordsThatAreNotNames() {
        assertThat(read("im so cold, furnace is out", Stage.OPEN).name()).isNull();
        assertThat(read("This is the THIRD time I text", Stage.OPEN).name()).isNull();
        assertThat(read("im 6 weeks out from surgery and the heat died", Stage.OPEN).name()).isNull();
        assertThat(read("Cole Baxter", Stage.ASKED_NAME).name()).isEqualTo("Cole Baxter");
        assertThat(read("Cole Baxter", Stage.ASKED_PROBLEM).name()).isNull();
    }

    @Test
    void aLowerCaseNameBesideACapitalisedStreetIsStillAName() {
        assertThat(read("need a ceiling fan hung. dana kowalski 802 E 51st St 78751", Stage.OPEN).name()).isEqualTo("Dana Kowalski");
    }

    @Test
    void aOneWordLowerCaseNameAnsweringTheQuestionCounts() {
        assertThat(read("its marco", Stage.ASKED_NAME).name()).isEqualTo("Marco");
        assertThat(read("its marco", Stage.OPEN).name()).isNull();
    }

    @Test
    void aNameSignedWithHere() {
        TextReading.Read r = read("porch light flickers, Gus Moreno here, 2204 Alta Vista Ave 78704, fridays are best", Stage.OPEN);
        assertThat(r.name()).isEqualTo("Gus Moreno");
    }

    @Test
    void aGreetingBeforeTheNameAndASurnameEndingInIng() {
        assertThat(read("hey Rosa Delgado here, 1102 Koenig Ln 78751", Stage.OPEN).name()).isEqualTo("Rosa Delgado");
        assertThat(read("Tom Fleming 2210 Guadalupe St 78705, mornings", Stage.ASKED_NAME).name()).isEqualTo("Tom Fleming");
        assertThat(read("Calling about 2210 Guadalupe St 78705", Stage.ASKED_NAME).name()).isNull();
    }

    @Test
    void aLetteredAvenueWithoutAZipIsReadWhole() {
        TextReading.Read r = read("is he coming back today? 2210 Avenue B", Stage.ASKED_NAME);
        assertThat(r.address()).isEqualTo("2210 Avenue B");
        assertThat(r.name()).isNull();
    }
}
