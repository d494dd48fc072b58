package io.redial.receptionist.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.receptionist.reading.Language;
import org.junit.jupiter.api.Test;

/** Which offered window a reply picks. */
class SlotChoiceTests {

    @Test
    void theEarliestOneIsAPickNotANewTimeWish() {
        assertThat(SlotChoice.asksEarliest(Language.plain("the earliest one you got"))).isTrue();
        assertThat(SlotChoice.asksEarliest(Language.plain("whichever is soonest"))).isTrue();
        assertThat(SlotChoice.asksEarliest(Language.plain("la mas pronto porfa"))).isTrue();
        // a day or an hour named is a new wish, not a pick
        assertThat(SlotChoice.asksEarliest(Language.plain("earliest on thursday"))).isFalse();
        assertThat(SlotChoice.asksEarliest(Language.plain("earliest after 3"))).isFalse();
        assertThat(SlotChoice.asksEarliest(Language.plain("the second one"))).isFalse();
    }
}
