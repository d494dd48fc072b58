package io.redial.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextBackTemplatesTests {

    private static final TextBackTemplates.Fields FIELDS = new TextBackTemplates.Fields("Lone Star Home Services", "Maria",
            "https://book.example/ls", "(512) 555-0100", "open until 6 PM today");
    private static final ZoneId AUSTIN = ZoneId.of("America/Chicago");
    /** Monday to Friday 8 AM–6 PM with a lunch break on Wednesdays; Saturday 9 AM–1 PM; Sunday closed. */
    private static final List<WeeklyHours.Interval> WEEK = week();
    private static final LocalDate JULY_4 = LocalDate.of(2026, 7, 4);
    /** Every field in a sentence, as an office manager would write it. */
    private static final String EVERY_FIELD = "Hi {caller_first_name}, this is {business}. We're {hours_today}. "
            + "Book at {booking_link} or call {callback_number}.";

    static Stream<Arguments> states() {
        return Stream.of(
                Arguments.of("open now", LocalDateTime.of(2026, 7, 6, 10, 15), "open until 6 PM today"),
                Arguments.of("closed now, opening later today", LocalDateTime.of(2026, 7, 6, 6, 30),
                        "closed until 8 AM today"),
                Arguments.of("closed now, at lunch", LocalDateTime.of(2026, 7, 8, 12, 10), "closed until 12:30 PM today"),
                Arguments.of("after hours", LocalDateTime.of(2026, 7, 6, 19, 0),
                        "closed for the day and open again tomorrow at 8 AM"),
                Arguments.of("after hours before the weekend", LocalDateTime.of(2026, 7, 10, 22, 0),
                        "closed for the day and open again tomorrow at 9 AM"),
                Arguments.of("closed today", LocalDateTime.of(2026, 7, 5, 11, 0),
                        "closed today and open again tomorrow at 8 AM"),
                Arguments.of("holiday", LocalDateTime.of(2026, 7, 4, 10, 0),
                        "closed today for the holiday and open again Monday at 8 AM"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void everyMergeFieldReadsAsASentenceInEveryState(String state, LocalDateTime localNow, String hoursToday) {
        WeeklyHours hours = new WeeklyHours(AUSTIN, WEEK, Set.of(JULY_4));
        String today = hours.todayText(localNow.atZone(AUSTIN).toInstant());
        var known = new TextBackTemplates.Fields("Lone Star Home Services", "Maria", "https://book.example/ls",
                "(512) 555-0100", today);
        var unknown = new TextBackTemplates.Fields("Lone Star Home Services", null, "https://book.example/ls",
                "(512) 555-0100", today);

        var forMaria = TextBackTemplates.render(TextBackTemplates.AFTER_HOURS, EVERY_FIELD, known);
        var forStranger = TextBackTemplates.render(TextBackTemplates.AFTER_HOURS, EVERY_FIELD, unknown);
        var builtIn = TextBackTemplates.render(TextBackTemplates.AFTER_HOURS,
                TextBackTemplates.defaultFor(TextBackTemplates.AFTER_HOURS), unknown);

        assertThat(today).as(state).isEqualTo(hoursToday);
        assertThat(forMaria.problem()).isNull();
        assertThat(forMaria.text()).isEqualTo("Hi Maria, this is Lone Star Home Services. We're " + hoursToday + ". "
                + "Book at https://book.example/ls or call (512) 555-0100.");
        assertThat(forStranger.text()).startsWith("Hi there, this is Lone Star Home Services. We're " + hoursToday + ".");
        assertThat(builtIn.problem()).isNull();
        assertThat(builtIn.text()).startsWith("Hi there, this is Lone Star Home Services. We're " + hoursToday + ", but reply");
        // every built-in text in this state: every field filled, no word doubled ("open open"), whole sentences
        for (String kind : TextBackTemplates.KINDS) {
            for (var fields : List.of(known, unknown)) {
                var text = TextBackTemplates.render(kind, TextBackTemplates.defaultFor(kind), fields);
                assertThat(text.problem()).as(state + " " + kind).isNull();
                assertThat(text.text()).as(state + " " + kind).doesNotContain("{", "}", "null", "  ")
                        .doesNotContainPattern("(?i)\\b(\\w+)\\s+\\1\\b").matches("[A-Z].*[.!?]");
            }
        }
    }

    @Test
    void aWeekWithoutHoursSaysClosedWithoutPromisingADay() {
        WeeklyHours never = new WeeklyHours(AUSTIN, List.of(), Set.of());

        assertThat(never.todayText(LocalDateTime.of(2026, 7, 6, 10, 0).atZone(AUSTIN).toInstant()))
                .isEqualTo("closed today");
    }

    @Test
    void aFieldWhereItCannotReadRightIsRefusedWithTheWayToWriteIt() {
        var doubledOpen = TextBackTemplates.problem("We're open {hours_today}.", FIELDS);
        var ourHours = TextBackTemplates.problem("Our hours: {hours_today}", FIELDS);
        var dear = TextBackTemplates.problem("Dear {caller_first_name}, call us back.", FIELDS);

        assertThat(doubledOpen).contains("{hours_today} goes right after \"We're\"");
        assertThat(ourHours).contains("{hours_today} goes right after \"We're\"");
        assertThat(dear).contains("{caller_first_name} goes right after Hi, Hello or Hey");
        assertThat(TextBackTemplates.problem("Hello, {caller_first_name}! We are {hours_today}.", FIELDS)).isNull();
    }

    @Test
    void aBrokenTemplateFallsBackToTheDefaultAndSaysWhy() {
        var unknownField = TextBackTemplates.render(TextBackTemplates.AFTER_HOURS, "Hi {customer_name}", FIELDS);
        var noLink = TextBackTemplates.render(TextBackTemplates.BUSINESS_HOURS, "Book: {booking_link}",
                new TextBackTemplates.Fields("Lone Star", null, null, "(512) 555-0100", "closed today"));
        var tooLong = TextBackTemplates.render(TextBackTemplates.BUSINESS_HOURS, "x".repeat(307), FIELDS);

        assertThat(unknownField.problem()).contains("unknown merge field {customer_name}");
        assertThat(unknownField.text()).isEqualTo("Hi Maria, this is Lone Star Home Services. We're open until 6 PM "
                + "today, but reply here and we'll get you sorted, or tell us if it's an emergency. Reply STOP to opt out.");
        assertThat(noLink.problem()).contains("{booking_link} has no value");
        assertThat(tooLong.problem()).contains("3 segments");
        assertThat(tooLong.text()).contains("Sorry we missed your call");
    }

    @Test
    void theDefaultsFitTwoSegmentsForTheLongestValues() {
        var worst = TextBackTemplates.worstCase("Lone Star Home Services of Greater Austin", "https://book.example/ls",
                new io.redial.shared.PhoneNumber("+15125550100"));
        for (String kind : TextBackTemplates.KINDS) {
            assertThat(TextBackTemplates.problem(TextBackTemplates.defaultFor(kind), worst)).as(kind).isNull();
        }
    }

    @Test
    void aSpanishTextMayNotUseTheFieldsThatReadInEnglishAndFallsBackToTheEnglishDefault() {
        var fields = new TextBackTemplates.Fields("Acme", null, null, "(512) 555-0100", "open until 6:00 PM today");
        String spanishKind = TextBackTemplates.spanish(TextBackTemplates.AFTER_HOURS);
        assertThat(TextBackTemplates.known(spanishKind)).isTrue();
        assertThat(TextBackTemplates.known("textback.nonsense.es")).isFalse();
        assertThat(TextBackTemplates.problem(spanishKind, "Hola {caller_first_name}, habla {business}.", fields))
                .isEqualTo("{caller_first_name} reads in English, so the Spanish text cannot use it");
        assertThat(TextBackTemplates.problem(TextBackTemplates.AFTER_HOURS, "Hi {caller_first_name}, {business} here.", fields))
                .isNull();

        var broken = TextBackTemplates.render(spanishKind, "Estamos {hours_today}.", fields);
        assertThat(broken.problem()).startsWith("{hours_today} reads in English");
        assertThat(broken.text()).isEqualTo(TextBackTemplates.render(TextBackTemplates.AFTER_HOURS,
                TextBackTemplates.defaultFor(TextBackTemplates.AFTER_HOURS), fields).text());
        assertThat(TextBackTemplates.render(spanishKind, "Hola, habla {business}. Llame al {callback_number}.", fields).text())
                .isEqualTo("Hola, habla Acme. Llame al (512) 555-0100.");
    }

    private static List<WeeklyHours.Interval> week() {
        List<WeeklyHours.Interval> week = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.add(new WeeklyHours.Interval(day, LocalTime.of(8, 0), LocalTime.of(18, 0)));
        }
        week.add(new WeeklyHours.Interval(DayOfWeek.WEDNESDAY, LocalTime.of(12, 30), LocalTime.of(18, 0)));
        week.add(new WeeklyHours.Interval(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)));
        week.add(new WeeklyHours.Interval(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)));
        return week;
    }
}
