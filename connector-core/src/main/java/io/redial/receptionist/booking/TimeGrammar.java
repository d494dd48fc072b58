package io.redial.receptionist.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small grammar for when callers want us, in English and Spanish: weekday names, "today", "tomorrow (morning)",
 * "this weekend", "next week", dates ("dec 10", "12/10", "10 de diciembre"), "morning"/"afternoon", "after 3",
 * "before noon", "asap", "any time". Reads {@link Language#plain} text against the tenant's today.
 */
public final class TimeGrammar {

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("lunes", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("weds", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("miercoles", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("viernes", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sabado", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("domingo", DayOfWeek.SUNDAY));
    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("jan", Month.JANUARY), Map.entry("ene", Month.JANUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("mar", Month.MARCH), Map.entry("apr", Month.APRIL), Map.entry("abr", Month.APRIL),
            Map.entry("may", Month.MAY), Map.entry("jun", Month.JUNE), Map.entry("jul", Month.JULY),
            Map.entry("aug", Month.AUGUST), Map.entry("ago", Month.AUGUST), Map.entry("sep", Month.SEPTEMBER),
            Map.entry("oct", Month.OCTOBER), Map.entry("nov", Month.NOVEMBER), Map.entry("dec", Month.DECEMBER),
            Map.entry("dic", Month.DECEMBER));

    private static final Pattern WEEKDAY = Pattern.compile("(?<![a-z])(" + String.join("|", WEEKDAYS.keySet()) + ")s?(?![a-z])");
    /** "sat" and "sun" are days only where a day is meant: "come sat morning", "or sun", not "the water sat there". */
    private static final Pattern SHORT_WEEKEND_DAY = Pattern.compile("(?<![a-z])(?:(?:on|this|next|come|by|till?|for|or|and)\\s+(sat|sun)(?![a-z])"
            + "|(sat|sun)\\s+(?:morning|afternoon|evening|am|pm|after (?:lunch|noon|work|school|church|\\d)|before (?:noon|lunch|\\d)|"
            + "works|is good|around \\d|any ?time|early|or)(?![a-z])"
            // a day given after another fact: "1914 kinney ave 78704, sat after lunch"; not "the roof is old, sun beat it up"
            + "|(?<=[,;]\\s?)(sat|sun)(?=\\s*(?:$|[,.!?\\n])|\\s+(?:after|before|at|around|works|is good|or|morning|afternoon|evening|am|pm)(?![a-z])))");
    private static final Pattern TODAY = Pattern.compile("(?<![a-z])(today|tonight|this (?:morning|afternoon|evening)|hoy|esta tarde)(?![a-z])");
    private static final Pattern DAY_AFTER = Pattern.compile("(?<![a-z])(pasado manana|day after tomorrow)(?![a-z])");
    private static final Pattern TOMORROW = Pattern.compile("(?<![a-z])(tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow|2morrow|"
            + "(?<!la )(?<!por )(?<!en )manana)(?![a-z])");
    private static final Pattern WEEKEND = Pattern.compile("(?<![a-z])(weekend|fin de semana|finde)");
    private static final Pattern NEXT_WEEK = Pattern.compile("(?<![a-z])(next week|proxima semana|semana que viene)(?![a-z])");
    private static final Pattern MONTH_DAY = Pattern.compile("(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|ember|ober)?\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])");
    private static final Pattern DAY_DE_MONTH = Pattern.compile("(?<!\\d)(\\d{1,2})\\s+de\\s+(ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic)(?:ro|rero|zo|il|o|io|osto|tiembre|ubre|iembre)?(?![a-z])");
    private static final Pattern SLASH_DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?![\\d/])(?!\\s*(?:in\\b|inch|\"))");
    private static final Pattern MORNING = Pattern.compile("(?<![a-z])(mornings?|(?<=\\d)\\s?am|(?<=\\d)\\s?a\\.m\\.|early|temprano|(?:por|en|de) la manana|before noon|antes del mediodia)(?![a-z])");
    private static final Pattern AFTERNOON = Pattern.compile("(?<![a-z])(afternoons?|(?<=\\d)\\s?pm|(?<=\\d)\\s?p\\.m\\.|evenings?|after lunch|after work|(?:por|en|de) la tarde)(?![a-z])");
    private static final Pattern AFTER = Pattern.compile("(?<![a-z])(?:after|despues de las?|from)\\s+(\\d{1,2})(?::\\d{2})?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?![\\d:])");
    private static final Pattern BEFORE = Pattern.compile("(?<![a-z])(?:before|antes de las?|by|until)\\s+(\\d{1,2})(?::\\d{2})?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?![\\d:])");
    private static final Pattern ANY = Pattern.compile("(?<![a-z])(asap|as soon as possible|soonest|earliest|right away|any ?time|whenever|"
            + "lo antes posible|lo mas pronto|cuando sea|"
            // no particular time: "a regular day is fine", "normal hours"
            + "(?:a |any )?(?:regular|normal) (?:day|weekday|hours|business hours)|any day|dia normal|horario normal)(?![a-z])");

    /**
     * When the trouble began is not when the caller wants us: "no hot water since this morning", "heat quit last
     * night", "it stopped on monday". Read out before anything else.
     */
    private static final Pattern PAST = Pattern.compile("(?<![a-z])(?:"
            + "(?:since|desde)\\s+(?:(?:this|last|esta|el|la)\\s+)?[a-z]+(?:\\s+(?:morning|night|manana))?|"
            + "last\\s+(?:night|week|[a-z]+day)|anoche|ayer|yesterday|"
            + "(?:stopped|quit|died|went out|broke|started|began|happened|noticed|gave out|went off|quit working|stopped working)"
            + "\\s+(?:(?:working|leaking|on|around|early|late)\\s+)?(?:this\\s+(?:morning|afternoon|evening)|today|tonight|[a-z]+day))"
            + "(?![a-z])");

    /** Parts of the day the caller cannot do: "i work nights and sleep mornings", "no mornings". */
    private static final Pattern UNAVAILABLE = Pattern.compile("(?<![a-z])(?:sleep|sleeping|work|busy|not|no|never|except|"
            + "cant do|can't do|trabajo|duermo)\\s+(?:in the\\s+|the\\s+|during the\\s+|por la\\s+|en la\\s+)?"
            + "(?:mornings?|afternoons?|evenings?|nights?|manana|tarde)(?![a-z])");

    /** Days the caller cannot do: "we have a party saturday", "el jueves no puedo", "not friday". */
    private static final String ANY_DAY = "(?:" + String.join("|", WEEKDAYS.keySet()) + "|sat|sun)s?";
    private static final Pattern DAY_UNAVAILABLE = Pattern.compile("(?<![a-z])(?:(?:not|never|except|cant do|can't do|cant|can't|"
            + "busy|party|no puedo(?:\\s+(?:el|los))?|trabajo(?:\\s+(?:el|los))?|out of town|away|traveling|travelling|"
            + "not home|not around|not available|unavailable|fuera)\\s+(?:on\\s+|this\\s+|el\\s+|los\\s+)?" + ANY_DAY
            + "|" + ANY_DAY + "\\s+(?:no puedo|no me queda|doesn'?t work|won'?t work|is out|is bad|(?:i|we)\\s*(?:can'?t|cant)|"
            + "(?:i'?m|im|we'?re|were) busy))(?![a-z])");

    private TimeGrammar() {
    }

    /** Whether the text says anything about when. */
    public static boolean mentionsTime(String plain) {
        return read(plain, LocalDate.of(2000, 1, 3)).isPresent();
    }

    public static Optional<TimePreference> read(String text, LocalDate today) {
        String plain = PAST.matcher(text.replace('ñ', 'n')).replaceAll(" "); // "mañana" and "manana" alike
        plain = UNAVAILABLE.matcher(plain).replaceAll(" ");
        plain = DAY_UNAVAILABLE.matcher(plain).replaceAll(" ");
        Set<LocalDate> days = new LinkedHashSet<>();
        boolean said = false;
        if (DAY_AFTER.matcher(plain).find()) {
            days.add(today.plusDays(2));
        } else if (TOMORROW.matcher(plain).find()) {
            days.add(today.plusDays(1));
        }
        if (TODAY.matcher(plain).find()) {
            days.add(today);
        }
        Matcher w = WEEKDAY.matcher(plain);
        while (w.find()) {
            DayOfWeek d = WEEKDAYS.get(w.group(1));
            LocalDate next = today.with(TemporalAdjusters.nextOrSame(d));
            days.add(next);
            if (next.equals(today)) {
                days.add(today.plusWeeks(1));
            }
        }
        Matcher shortDay = SHORT_WEEKEND_DAY.matcher(plain);
        while (shortDay.find()) {
            String d = shortDay.group(1) != null ? shortDay.group(1) : shortDay.group(2) != null ? shortDay.group(2) : shortDay.group(3);
            LocalDate next = today.with(TemporalAdjusters.nextOrSame(d.equals("sat") ? DayOfWeek.SATURDAY : DayOfWeek.SUNDAY));
            days.add(next);
            if (next.equals(today)) {
                days.add(today.plusWeeks(1));
            }
        }
        if (WEEKEND.matcher(plain).find() && days.isEmpty()) { // "sunday if you work weekends": the day is what was asked
            LocalDate sat = today.getDayOfWeek() == DayOfWeek.SUNDAY ? today.plusDays(6) : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            if (today.getDayOfWeek() == DayOfWeek.SUNDAY) {
                days.add(today);
            }
            days.add(sat);
            days.add(sat.plusDays(1));
        }
        if (NEXT_WEEK.matcher(plain).find() && days.isEmpty()) {
            LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            for (int i = 0; i < 7; i++) {
                days.add(monday.plusDays(i));
            }
        }
        dates(plain, today, days);
        int from = 0;
        int to = 24;
        if (MORNING.matcher(plain).find()) {
            to = 12;
        }
        if (AFTERNOON.matcher(plain).find()) {
            from = 12;
        }
        Matcher after = AFTER.matcher(plain);
        if (after.find()) {
            from = hour(after);
        }
        Matcher before = BEFORE.matcher(plain);
        if (before.find()) {
            to = hour(before);
        }
        said = !days.isEmpty() || from != 0 || to != 24 || ANY.matcher(plain).find();
        return said && from < to ? Optional.of(new TimePreference(days, from, to)) : Optional.empty();
    }

    private static void dates(String plain, LocalDate today, Set<LocalDate> days) {
        Matcher m = MONTH_DAY.matcher(plain);
        while (m.find()) {
            date(MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)), today, days);
        }
        m = DAY_DE_MONTH.matcher(plain);
        while (m.find()) {
            date(MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)), today, days);
        }
        m = SLASH_DATE.matcher(plain);
        while (m.find()) {
            int month = Integer.parseInt(m.group(1));
            if (month >= 1 && month <= 12) {
                date(Month.of(month), Integer.parseInt(m.group(2)), today, days);
            }
        }
    }

    private static void date(Month month, int day, LocalDate today, Set<LocalDate> days) {
        if (day < 1 || day > month.maxLength()) {
            return;
        }
        LocalDate d = MonthDay.of(month, day).atYear(today.getYear());
        days.add(d.isBefore(today) ? MonthDay.of(month, day).atYear(today.getYear() + 1) : d);
    }

    /** "after 3" means 3 pm: nobody books a technician for 3 am. */
    private static int hour(Matcher m) {
        int h = Integer.parseInt(m.group(1));
        boolean pm = m.group(2) != null && m.group(2).startsWith("p");
        boolean am = m.group(2) != null && m.group(2).startsWith("a");
        if (pm && h < 12 || !am && h >= 1 && h <= 6) {
            h += 12;
        }
        return Math.min(24, h);
    }
}
