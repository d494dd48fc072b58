package io.redial.receptionist.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A hurried caller's spellings, spelt out; words it does not know stay as written. */
public class TextSpeakTests {

    @Test
    void clippedVerbsGetTheirEndingBack() {
        assertThat(TextSpeak.spelledOut("water comin in and its drippin on the panel"))
                .isEqualTo("water coming in and its dripping on the panel");
    }

    @Test
    void knownMisspellingsAreSpeltOut() {
        assertThat(TextSpeak.spelledOut("pipe bust upstiars, cieling saging since last nite"))
                .isEqualTo("pipe burst upstairs, ceiling sagging since last night");
    }

    @Test
    void wordsThatOnlyLookClippedStayAsWritten() {
        assertThat(TextSpeak.spelledOut("the cabin within the basin, begin again")).isEqualTo("the cabin within the basin, begin again");
    }
}
