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
    }

    @Test
    void switchesBackWhenTheCallerWritesEnglish() {
        assertThat(Language.detect("sorry, can you text me in English please", Language.ES)).isEqualTo(Language.EN);
    }

    @Test
    void plainFormDropsAccentsButKeepsEnye() {
        assertThat(Language.plain("Calefacción MAÑANA")).isEqualTo("calefaccion mañana");
    }
}
