package io.redial.receptionist.booking;

import io.redial.receptionist.reading.Language;
import io.redial.receptionist.triage.TriageRule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which of the offered slots a caller's reply picks: "2", "the second", "Tuesday", "morning", "sí". */
public final class SlotChoice {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\d$])([1-9])(?![\\d:])");
    // Ordinals before cardinals: "the second one" names the second slot, not the first.
    private static final List<List<String>> ORDINALS = List.of(
            List.of("first", "1st", "primero", "primera"),
            List.of("second", "2nd", "segundo", "segunda"),
            List.of("third", "3rd", "tercero", "tercera"),
            List.of("one", "uno"), List.of("two", "dos"), List.of("three", "tres"));
    private static final Pattern YES = Pattern.compile("^(yes|yeah|yep|ok|okay|sure|sounds good|that works|si|claro|perfecto)\\b");

    private static final Pattern EARLIEST = Pattern.compile("(?<![a-z])(?:earliest|soonest|first available|"
            + "sooner the better|lo antes posible|lo mas pronto|el mas pronto|la mas pronto|cuanto antes)(?![a-z])");

    private SlotChoice() {
    }

    /** "The earliest one", "whichever is soonest": a pick of the earliest offered window, when no day or hour is named. */
    public static boolean asksEarliest(String plain) {
        return EARLIEST.matcher(plain).find() && TimeGrammar.read(plain, LocalDate.of(2000, 1, 3))
                .map(p -> p.days().isEmpty() && p.fromHour() == 0 && p.toHour() == 24).orElse(true);
    }

    public static Slot earliest(List<Slot> offered) {
        return offered.stream().min(Comparator.comparing(Slot::localStart)).orElseThrow();
    }

    public static Optional<Slot> pick(String plain, List<Slot> offered) {
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        Matcher n = NUMBER.matcher(plain);
        if (n.find()) {
            int i = Integer.parseInt(n.group(1)) - 1;
            return i < offered.size() ? Optional.of(offered.get(i)) : Optional.empty();
        }
        for (int i = 0; i < ORDINALS.size(); i++) {
            int index = i % 3;
            for (String word : ORDINALS.get(i)) {
                if (index < offered.size() && TriageRule.startsWord(plain, word)) {
                    return Optional.of(offered.get(index));
                }
            }
        }
        for (Slot slot : offered) {
            DayOfWeek day = slot.localStart().getDayOfWeek();
            if (TriageRule.startsWord(plain, day.getDisplayName(TextStyle.FULL, Locale.US).toLowerCase())
                    || TriageRule.startsWord(plain, Language.plain(day.getDisplayName(TextStyle.FULL, Locale.forLanguageTag("es"))))) {
                return Optional.of(slot);
            }
        }
        if (plain.contains("afternoon") || plain.contains("tarde")) {
            return offered.stream().filter(s -> s.localStart().getHour() >= 12).findFirst();
        }
        if (plain.contains("morning")) {
            return offered.stream().filter(s -> s.localStart().getHour() < 12).findFirst();
        }
        return YES.matcher(plain.trim()).find() ? Optional.of(offered.getFirst()) : Optional.empty();
    }
}
