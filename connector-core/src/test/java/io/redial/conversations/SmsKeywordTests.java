package io.redial.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Carrier keywords, Spanish ones included. */
class SmsKeywordTests {

    @Test
    void spanishStopAndHelpWordsCountLikeTheEnglishOnes() {
        assertThat(SmsKeyword.of(" alto ", false)).contains(SmsKeyword.OPT_OUT);
        assertThat(SmsKeyword.of("PARAR", false)).contains(SmsKeyword.OPT_OUT);
        assertThat(SmsKeyword.of("Ayuda", false)).contains(SmsKeyword.HELP);
        assertThat(SmsKeyword.spanish("ayuda")).isTrue();
        assertThat(SmsKeyword.spanish("STOP")).isFalse();
    }

    @Test
    void aSentenceContainingAKeywordIsNotAKeyword() {
        assertThat(SmsKeyword.of("necesito ayuda con el aire", false)).isEmpty();
        assertThat(SmsKeyword.of("alto consumo de luz", false)).isEmpty();
    }
}
