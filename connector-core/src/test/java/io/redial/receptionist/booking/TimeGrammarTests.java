package io.redial.receptionist.booking;

import io.redial.receptionist.reading.Language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small grammar for when callers want us, against a fixed today (Wednesday 2026-12-09). */
public class TimeGrammarTests {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 9);

    private static TimePreference read(String text) {
        return TimeGrammar.read(Language.plain(text), WEDNESDAY).orElseThrow();
    }

    @Test
    void weekdayNamesMeanTheNextSuchDay() {
        assertThat(read("friday is fine").days()).containsExactly(LocalDate.of(2026, 12, 11));
        assertThat(read("el viernes en la tarde").days()).containsExactly(LocalDate.of(2026, 12, 11));
        assertThat(read("el viernes en la tarde").fromHour()).isEqualTo(12);
        assertThat(read("wednesday works").days()).containsExactlyInAnyOrder(WEDNESDAY, WEDNESDAY.plusWeeks(1));
    }

    @Test
    void tomorrowMorningAndAfterThree() {
        TimePreference p = read("can someone come tomorrow morning");
        assertThat(p.days()).containsExactly(WEDNESDAY.plusDays(1));
        assertThat(p.toHour()).isEqualTo(12);
        TimePreference after = read("tomorrow after 3 if possible");
        assertThat(after.fromHour()).isEqualTo(15);
        assertThat(read("mañana por la mañana").days()).containsExactly(WEDNESDAY.plusDays(1));
        assertThat(read("el sabado por la mañana").days()).containsExactly(LocalDate.of(2026, 12, 12));
    }

    @Test
    void weekendDatesAndAsap() {
        assertThat(read("this weekend?").days()).isEqualTo(Set.of(LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 13)));
        assertThat(read("dec 15 please").days()).containsExactly(LocalDate.of(2026, 12, 15));
        assertThat(read("12/15").days()).containsExactly(LocalDate.of(2026, 12, 15));
        assertThat(read("15 de diciembre").days()).containsExactly(LocalDate.of(2026, 12, 15));
        assertThat(read("jan 3").days()).containsExactly(LocalDate.of(2027, 1, 3));
        assertThat(read("asap please").anyTime()).isTrue();
    }

    @Test
    void wordsThatAreNotTimesAreNotTimes() {
        assertThat(TimeGrammar.read(Language.plain("I am Ollie Grant"), WEDNESDAY)).isEmpty();
        assertThat(TimeGrammar.read(Language.plain("replace a 3/4 inch pipe"), WEDNESDAY)).isEmpty();
        assertThat(TimeGrammar.read(Language.plain("4410 Duval St 78751"), WEDNESDAY)).isEmpty();
    }

    @Test
    void aPreferenceSurvivesBetweenTurns() {
        TimePreference p = read("friday after 2");
        assertThat(TimePreference.decode(p.encode())).isEqualTo(p);
    }

    @Test
    void whenTheTroubleBeganIsNotWhenTheCallerWantsUs() {
        assertThat(TimeGrammar.read(Language.plain("no hot water since this morning"), WEDNESDAY)).isEmpty();
        assertThat(TimeGrammar.read(Language.plain("furnace quit last night, its 60 in here"), WEDNESDAY)).isEmpty();
        assertThat(TimeGrammar.read(Language.plain("the disposal stopped working on monday"), WEDNESDAY)).isEmpty();
        assertThat(TimeGrammar.read(Language.plain("no tenemos agua caliente desde ayer"), WEDNESDAY)).isEmpty();
        // ... while the time they ask for still counts
        assertThat(read("ac died yesterday, can you come friday").days()).containsExactly(LocalDate.of(2026, 12, 11));
    }

    @Test
    void partsOfTheDayTheCallerCannotDoAreNotTheirWish() {
        TimePreference p = read("afternoons only after 3, i work nights and sleep mornings");
        assertThat(p.fromHour()).isEqualTo(15);
        assertThat(p.toHour()).isEqualTo(24);
        assertThat(read("no mornings please, any afternoon").fromHour()).isEqualTo(12);
    }

    @Test
    void satAndSunAreDaysOnlyWhereADayIsMeant() {
        assertThat(read("could you come sat afternoon").days()).containsExactly(LocalDate.of(2026, 12, 12));
        assertThat(read("this sun works").days()).containsExactly(LocalDate.of(2026, 12, 13));
        assertThat(TimeGrammar.read(Language.plain("the water sat in the tub all day"), WEDNESDAY)).isEmpty();
    }

    @Test
    void daysTheCallerCannotDoAreLeftOut() {
        assertThat(read("sunday please, we have a party saturday").days()).containsExactly(LocalDate.of(2026, 12, 13));
        assertThat(read("el viernes mejor, el jueves no puedo").days()).containsExactly(LocalDate.of(2026, 12, 11));
        assertThat(read("any day but not thursday, friday ideally").days()).containsExactly(LocalDate.of(2026, 12, 11));
    }

    @Test
    void awayOnADayIsNotThatDayAndARegularDayIsAnyDay() {
        assertThat(read("im out of town friday, can you do saturday instead").days()).containsExactly(LocalDate.of(2026, 12, 12));
        assertThat(read("a regular day is fine").anyTime()).isTrue();
    }

    @Test
    void afternoonsOfferWindowsWhollyInTheAfternoonBeforeAMiddayOneToday() {
        java.time.ZoneId zone = java.time.ZoneId.of("America/Chicago");
        java.util.function.BiFunction<Integer, Integer, Slot> window = (day, hour) -> {
            var start = LocalDate.of(2026, 12, day).atTime(hour, 0).atZone(zone).toInstant();
            return new Slot(start, start.plusSeconds(3 * 3600), zone, 1);
        };
        var open = java.util.List.of(window.apply(10, 8), window.apply(10, 11), window.apply(10, 14), window.apply(11, 11),
                window.apply(11, 14));
        assertThat(read("afternoons are better for me").fitting(open)).extracting(Slot::id)
                .containsExactly("2026-12-10T14:00", "2026-12-11T14:00", "2026-12-10T11:00", "2026-12-11T11:00");
    }

    @Test
    void aShortWeekendDayAfterAnotherFact() {
        assertThat(read("3401 red river st 78705, sun after 2").days()).containsExactly(LocalDate.of(2026, 12, 13));
        assertThat(read("Tom Ruiz 88 Elm St 78704, sat after lunch works best").days()).containsExactly(LocalDate.of(2026, 12, 12));
        assertThat(TimeGrammar.read(Language.plain("the roof is old, sun beat it up"), WEDNESDAY)).isEmpty();
    }
}
