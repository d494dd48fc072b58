package io.redial.receptionist.reading;

import io.redial.receptionist.triage.Triage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Finds the caller's name anywhere in a text: after "my name is", "this is", "im", "soy", "me llamo"; right before
 * an address ("Dana Ortiz, 4512 Avenue F"); as a capitalised segment of its own ("... - Jen Walsh - ..."); or as a
 * bare answer when Anna just asked for it. Words that are plainly not names (common words, -ing words, trade words)
 * end a name.
 */
public final class Names {

    private static final Pattern STRONG = Pattern.compile("(?i)(?<![\\p{L}])(?:my name is|my name's|name is|name's|me llamo|mi nombre es|"
            + "my names)\\s+([\\p{L}'-]+(?:\\s+[\\p{L}'-]+){0,2})");
    private static final Pattern WEAK = Pattern.compile("(?i)(?<![\\p{L}])(?:this is|it's|its|it is|i am|i'm|im|soy|habla|le habla)\\s+"
            + "([\\p{L}'-]+(?:\\s+[\\p{L}'-]+){0,2})");
    private static final Pattern BOUNDARY = Pattern.compile("[,.;:!?()\\n]|\\s-\\s|\\s–\\s");
    private static final Set<String> COMMON = Arrays.stream(("a an the and or but so just still not no yes ok okay hi hey hello hola "
            + "at in on of to for from with by about as is are was be been my your our his her their this that these those it its "
            + "i im me we you he she they us them here there now today tomorrow tonight morning afternoon evening asap please pls "
            + "thanks thank sorry very really so too also again still only even back home out up down over off new old "
            + "calling texting looking having trying wondering interested available free busy good fine great glad happy sad "
            + "worried scared cold hot freezing sick tired done ready sure going gonna need needs want wants got get have has "
            + "can could would will should call text help house apartment condo unit apt street st ave road rd austin tx texas "
            + "sir maam mr mrs ms dr customer owner tenant landlord renter homeowner manager ridiculous frustrated upset angry "
            + "the el la los las un una de del en y con por para mi su es esta estoy tengo muy ya que se lo le si no bien gracias "
            + "senor senora buenas dias tardes noches casa cliente urgente aqui ahora "
            // times of day said beside an address: "1611 e 12th st, afternoons work"
            + "mornings afternoons evenings weekdays weekends works work anytime whenever").split(" "))
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<String> GREETINGS = Set.of("hi", "hey", "hello", "hola", "yo", "ok", "okay", "buenas", "oh");

    private Names() {
    }

    /** @param answering Anna just asked for the name, so a bare answer counts */
    static Optional<String> find(String text, Optional<Addresses.Found> address, boolean answering) {
        // Judged without the address: "kevin oneil 1205 W 6th St" is a lower-case text whatever the street's capitals.
        String rest = address.map(a -> text.substring(0, a.start()) + " " + text.substring(a.end())).orElse(text);
        boolean mixedCase = !rest.equals(rest.toLowerCase(Locale.ROOT)) && !rest.equals(rest.toUpperCase(Locale.ROOT));
        Optional<String> named = cued(STRONG, text, 1, false);
        if (named.isEmpty()) {
            // "its carla" answering "What's your name?" is a name; out of the blue one lower-case word is not.
            named = cued(WEAK, text, mixedCase || answering ? 1 : 2, mixedCase);
        }
        if (named.isEmpty() && address.isPresent()) {
            named = beside(text, address.get(), mixedCase, answering);
        }
        if (named.isEmpty() && answering) {
            // "ok lets do it, Bill Cho": the answer may be any clause of the text
            named = Arrays.stream(BOUNDARY.split(rest.strip())).map(part -> name(part, 1, false))
                    .flatMap(Optional::stream).findFirst();
        }
        return named.map(Names::titled);
    }

    private static Optional<String> cued(Pattern cue, String text, int minWords, boolean capitalised) {
        Matcher m = cue.matcher(text);
        while (m.find()) {
            Optional<String> n = leading(m.group(1), minWords, capitalised);
            if (n.isPresent()) {
                return n;
            }
        }
        return Optional.empty();
    }

    /** The clause just before the address, or a clause of its own after it: "Jen Walsh" in "... Blvd 78745 - Jen Walsh - ...". */
    private static Optional<String> beside(String text, Addresses.Found address, boolean mixedCase, boolean answering) {
        List<String> before = Arrays.stream(BOUNDARY.split(text.substring(0, address.start()))).filter(p -> !p.isBlank()).toList();
        Optional<String> n = before.isEmpty() ? Optional.empty()
                : name(before.getLast(), mixedCase || answering ? 1 : 2, mixedCase && !answering);
        if (n.isPresent() || !mixedCase) {
            return n;
        }
        return Arrays.stream(BOUNDARY.split(text.substring(address.end()))).map(s -> name(s, 2, true))
                .flatMap(Optional::stream).findFirst();
    }

    /** A phrase made only of name-like words (one to three), if it has at least {@code minWords}. */
    private static Optional<String> name(String phrase, int minWords, boolean capitalised) {
        List<String> words = Arrays.stream(phrase.strip().split("\\s+")).filter(w -> !w.isBlank()).toList();
        if (words.size() > 1 && Set.of("here", "aqui").contains(Language.plain(words.getLast()))) {
            words = words.subList(0, words.size() - 1); // "Nina Patel here"
        }
        if (words.size() > 1 && GREETINGS.contains(Language.plain(words.getFirst()))) {
            words = words.subList(1, words.size()); // "hi Dana Whitfield here"
        }
        List<String> said = words;
        if (words.isEmpty() || words.size() > 3
                || !IntStream.range(0, words.size()).allMatch(i -> nameLike(said.get(i), capitalised, i > 0))) {
            return Optional.empty();
        }
        return words.size() >= minWords ? Optional.of(String.join(" ", words)) : Optional.empty();
    }

    /** The name-like words a cue is followed by, up to the first word that is not one: "Marcus Lee" of "Marcus Lee at". */
    private static Optional<String> leading(String phrase, int minWords, boolean capitalised) {
        List<String> all = Arrays.stream(phrase.strip().split("\\s+")).toList();
        int n = 0;
        while (n < all.size() && nameLike(all.get(n), capitalised, n > 0)) {
            n++;
        }
        List<String> words = all.subList(0, n);
        return words.size() >= minWords ? Optional.of(String.join(" ", words)) : Optional.empty();
    }

    /** @param surname a word after the first: a capitalised "-ing" there is a surname ("Henning", "King"), not a verb */
    private static boolean nameLike(String w, boolean capitalised, boolean surname) {
        String plain = Language.plain(w);
        boolean verbLike = plain.endsWith("ing") && !(surname && Character.isUpperCase(w.charAt(0)));
        return w.matches("[\\p{L}'-]+") && !COMMON.contains(plain) && !verbLike
                && Triage.trade(w, List.of()) == null && (!capitalised || Character.isUpperCase(w.charAt(0)));
    }

    private static String titled(String name) {
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        return Arrays.stream(name.split("\\s+")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining(" "));
    }
}
