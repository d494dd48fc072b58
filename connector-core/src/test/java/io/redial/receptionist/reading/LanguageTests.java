package io.redial.receptionist.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

public class LanguageTests {

    @Test
    void recognisesSpanishAndStaysWithItForShortReplies() {
        Language l = Language.detect("Hola, tengo una fuga de agua en la cocina", Language.EN);
        assertThat(l).isEqualTo(Language.ES);
        assertThat(Language.detect("Rosa Diaz", l)).isEqualTo(Language.ES);
        assertThat(Language.detect("1", l)).isEqualTo(Language.ES);
        assertThat(Language.detect("2301 E 7th St 78702", l)).isEqualTo(Language.ES);
    }

    @Test
    void switchesBackWhenTheCallerWritesEnglish() {
        assertThat(Language.detect("sorry, can you text me in English please", Language.ES)).isEqualTo(Language.EN);
    }

    @Test
    void spanglishWithSpanishFunctionWordsIsSpanish() {
        assertThat(Language.detect("mi AC no sirve desde ayer", Language.EN)).isEqualTo(Language.ES);
        assertThat(Language.detect("el heater no prende", Language.EN)).isEqualTo(Language.ES);
    }

    @Test
    void theLibraryDecidesTextsWithoutMarkerWords() {
        // None of these has two marker words of either list: the n-gram profiles tell them apart.
        assertThat(Language.detect("calentador descompuesto otra vez, ayudenme", Language.EN)).isEqualTo(Language.ES);
        assertThat(Language.detect("furnace broke again tonight, nobody answered", Language.ES)).isEqualTo(Language.EN);
        assertThat(Language.detect("goteando desde anoche bastante fuerte", Language.EN)).isEqualTo(Language.ES);
    }

    @Test
    void namesAddressesAndOneWordAnswersDoNotSwitch() {
        assertThat(Language.detect("Guadalupe Hernandez", Language.EN)).isEqualTo(Language.EN);
        assertThat(Language.detect("Bill Ortega", Language.ES)).isEqualTo(Language.ES);
        assertThat(Language.detect("1800 E Riverside Dr 78741", Language.EN)).isEqualTo(Language.EN);
        assertThat(Language.detect("ok", Language.ES)).isEqualTo(Language.ES);
    }

    @Test
    void ordinaryWordsLeaveOutNamesNumbersAndPunctuation() {
        assertThat(LanguageDetection.ordinaryWords("Soy Rosa Medina, 2301 E 7th St, el agua no calienta!"))
                .isEqualTo("soy el agua no calienta");
    }

    @Test
    void plainFormDropsAccentsButKeepsEnye() {
        assertThat(Language.plain("Calefacción MAÑANA")).isEqualTo("calefaccion mañana");
    }
}
