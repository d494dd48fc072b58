package io.redial.receptionist;

import io.redial.receptionist.booking.Slot;
import io.redial.receptionist.reading.Language;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a receptionist's proposed text before any caller sees it: only the tenant's approved prices,
 * no times or dates beyond the slots offered, and no claim of a booking or a dispatch (our code writes
 * those itself once they are true).
 */
public final class Guardrails {

    private static final Pattern MONEY = Pattern.compile(
            "(?i)(?:\\$\\s?(\\d[\\d,]*(?:\\.\\d{1,2})?))|(?:(\\d[\\d,]*(?:\\.\\d{1,2})?)\\s*(?:dollars|bucks|usd|dolares|dólares))");
    private static final Pattern CLOCK = Pattern.compile("(?i)\\b(\\d{1,2})(?::(\\d{2}))?\\s?(a\\.?m\\.?|p\\.?m\\.?)|\\b(\\d{1,2}):(\\d{2})\\b");
    private static final Pattern PROMISE = Pattern.compile("(?i)\\b(you'?re booked|you are booked|i'?ve booked|i booked|is booked|"
            + "confirmed|scheduled you|on (?:the|his|her|their) way|will be there (?:at|by|in)|dispatched|quedo agendad|"
            + "esta agendad|confirmad|va en camino)");

    private Guardrails() {
    }

    /** Why the text may not go out, if it may not. */
    public static Optional<String> violation(String text, Collection<BigDecimal> approvedPrices, List<Slot> offered,
            Language language) {
        Matcher money = MONEY.matcher(text);
        while (money.find()) {
            String amount = (money.group(1) != null ? money.group(1) : money.group(2)).replace(",", "");
            BigDecimal value = new BigDecimal(amount);
            if (approvedPrices.stream().noneMatch(p -> p.compareTo(value) == 0)) {
                return Optional.of("unapproved price " + amount);
            }
        }
        if (PROMISE.matcher(Language.plain(text)).find()) {
            return Optional.of("claims a booking or dispatch");
        }
        String offeredLabels = String.join(" ", offered.stream().map(s -> s.label(language).toLowerCase()).toList());
        Matcher clock = CLOCK.matcher(text);
        while (clock.find()) {
            if (!offeredLabels.contains(clock.group().toLowerCase().replace(" ", " "))) {
                return Optional.of("time not among offered slots: " + clock.group());
            }
        }
        return Optional.empty();
    }

    public static boolean quotesOnlyApproved(String text, Collection<BigDecimal> approvedPrices) {
        return violation(text, approvedPrices, List.of(), Language.EN).filter(v -> v.startsWith("unapproved")).isEmpty();
    }
}
