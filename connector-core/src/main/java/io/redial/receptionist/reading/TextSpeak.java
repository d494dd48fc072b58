package io.redial.receptionist.reading;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-speak and the commonest typos of a hurried caller, spelt out, so the rules that read dangers need one
 * spelling per word: "water comming thru the ceilng" reads as "water coming thru the ceiling", "blowin cold"
 * as "blowing cold". Works on {@link Language#plain} text; leaves everything it does not know alone.
 */
public final class TextSpeak {

    /** Verbs callers clip ("blowin", "leakin"): only these, so "cabin", "begin" or "within" stay as written. */
    private static final Pattern CLIPPED_ING = Pattern.compile("(?<![a-z])(blow|com|runn|leak|dripp|pour|spray|gush|shoot|"
            + "spark|smok|burn|smell|gett|mak|beep|hiss|sagg|back|overflow|fall|crack|flood|freez|soak|seep|spitt|spew|pump|"
            + "tripp|buzz|popp|flash|melt|bang|flicker|drain|rain|stink|break|work|shak|squeal|go|sizzl|crackl|trickl|bubbl)"
            + "in(?![a-z'])");
    private static final Pattern MISSPELT;
    private static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("comming", "coming"), Map.entry("cieling", "ceiling"), Map.entry("ceilng", "ceiling"),
            Map.entry("celing", "ceiling"), Map.entry("ceileing", "ceiling"), Map.entry("upstiars", "upstairs"),
            Map.entry("upstars", "upstairs"), Map.entry("nite", "night"), Map.entry("tonite", "tonight"),
            Map.entry("saging", "sagging"), Map.entry("leek", "leak"), Map.entry("leeking", "leaking"),
            Map.entry("watter", "water"), Map.entry("wtr", "water"), Map.entry("elecric", "electric"),
            Map.entry("electic", "electric"), Map.entry("brekr", "breaker"), Map.entry("breker", "breaker"),
            Map.entry("outlit", "outlet"), Map.entry("oulet", "outlet"),
            Map.entry("smokey", "smoky"), Map.entry("basment", "basement"), Map.entry("kitchn", "kitchen"),
            Map.entry("bust", "burst"),
            Map.entry("heatr", "heater"), Map.entry("furnase", "furnace"), Map.entry("tuvo", "tubo"),
            Map.entry("cosina", "cocina"), Map.entry("oxigen", "oxygen"), Map.entry("oxegen", "oxygen"));

    static {
        MISSPELT = Pattern.compile("(?<![a-z])(" + String.join("|", SPELLINGS.keySet()) + ")(?![a-z])");
    }

    private TextSpeak() {
    }

    /** {@code plain} (already lower case, accents off) with clipped verbs and known misspellings spelt out. */
    public static String spelledOut(String plain) {
        String clipped = CLIPPED_ING.matcher(plain).replaceAll("$1ing");
        Matcher m = MISSPELT.matcher(clipped);
        return m.replaceAll(r -> SPELLINGS.get(r.group(1)));
    }
}
