package io.redial.receptionist;

import io.redial.receptionist.booking.Slot;
import io.redial.receptionist.reading.Language;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardrailsTests {

    static final List<BigDecimal> APPROVED = List.of(new BigDecimal("89"), new BigDecimal("149"));
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final Slot FRIDAY_MORNING = new Slot(Instant.parse("2026-11-27T14:00:00Z"), Instant.parse("2026-11-27T18:00:00Z"), CHICAGO, 1);

    @Test
    void approvedPricesMayBeQuoted() {
        assertThat(Guardrails.violation("The diagnostic visit is $89, after hours $149.00.", APPROVED, List.of(), Language.EN)).isEmpty();
    }

    @Test
    void anyOtherAmountIsRefusedWhateverItsSpelling() {
        assertThat(Guardrails.violation("That's usually $250", APPROVED, List.of(), Language.EN)).get().asString().contains("250");
        assertThat(Guardrails.violation("around 99 dollars", APPROVED, List.of(), Language.EN)).isPresent();
        assertThat(Guardrails.violation("cuesta 300 dólares", APPROVED, List.of(), Language.ES)).isPresent();
        assertThat(Guardrails.violation("$1,200 installed", APPROVED, List.of(), Language.EN)).isPresent();
    }

    @Test
    void onlyOfferedTimesMayBeMentioned() {
        assertThat(Guardrails.violation("Great, see you at 3pm", APPROVED, List.of(FRIDAY_MORNING), Language.EN)).isPresent();
        assertThat(Guardrails.violation("Option 1 is " + FRIDAY_MORNING.label(Language.EN), APPROVED, List.of(FRIDAY_MORNING),
                Language.EN)).isEmpty();
    }

    @Test
    void onlyOurCodeMaySayAJobIsBookedOrSomeoneIsOnTheWay() {
        assertThat(Guardrails.violation("You're booked!", APPROVED, List.of(), Language.EN)).isPresent();
        assertThat(Guardrails.violation("A tech is on the way", APPROVED, List.of(), Language.EN)).isPresent();
        assertThat(Guardrails.violation("Su cita quedó agendada", APPROVED, List.of(), Language.ES)).isPresent();
        assertThat(Guardrails.violation("What's the service address?", APPROVED, List.of(), Language.EN)).isEmpty();
    }
}
