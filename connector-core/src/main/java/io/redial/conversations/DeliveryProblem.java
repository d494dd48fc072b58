package io.redial.conversations;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why a text did not reach its caller, from the carrier's error code, in words a contractor understands.
 * The codes are Twilio's (docs/twilio.md lists them); a code not listed here is {@link #OTHER}.
 */
public enum DeliveryProblem {

    UNREACHABLE("the caller's phone was off or out of coverage"),
    UNKNOWN_NUMBER("the number is not in service"),
    LANDLINE("the number is a landline or cannot take texts"),
    BLOCKED("the caller's carrier or phone blocks texts from this line"),
    CARRIER_FILTERED("the caller's carrier filtered the text as unwanted"),
    UNREGISTERED_SENDER("carriers block this line's texts: it is not registered for business texting"),
    OPTED_OUT("the caller has opted out of texts from this line"),
    EXPIRED("the text waited too long in the carrier's queue"),
    /** Not a carrier code: our repeated tries to hand the text over all failed (TextSender gives up). */
    NOT_HANDED_OVER("the carrier could not be reached, however often we tried"),
    OTHER("the carrier did not deliver it");

    private static final Map<String, DeliveryProblem> BY_CODE = Map.ofEntries(
            Map.entry("30003", UNREACHABLE),
            Map.entry("30005", UNKNOWN_NUMBER), Map.entry("21211", UNKNOWN_NUMBER),
            Map.entry("30006", LANDLINE), Map.entry("21614", LANDLINE), Map.entry("21612", LANDLINE),
            Map.entry("21635", LANDLINE),
            Map.entry("30004", BLOCKED),
            Map.entry("30007", CARRIER_FILTERED),
            Map.entry("30034", UNREGISTERED_SENDER), Map.entry("30032", UNREGISTERED_SENDER),
            Map.entry("21610", OPTED_OUT),
            Map.entry("30036", EXPIRED), Map.entry("30001", EXPIRED),
            Map.entry(TextSender.RETRIES_EXHAUSTED, NOT_HANDED_OVER));

    private final String words;

    DeliveryProblem(String words) {
        this.words = words;
    }

    public static DeliveryProblem of(@Nullable String carrierCode) {
        return carrierCode == null ? OTHER : BY_CODE.getOrDefault(carrierCode, OTHER);
    }

    /** The reason as the lead, the notice and the staff text say it, with the carrier's code for support. */
    public static String reason(@Nullable String carrierCode) {
        DeliveryProblem problem = of(carrierCode);
        return carrierCode == null || problem == NOT_HANDED_OVER ? problem.words
                : problem.words + " (carrier error " + carrierCode + ")";
    }

    public String words() {
        return words;
    }

    /** Problems of the line rather than of the caller: a rise of them means the line itself needs fixing. */
    public boolean isTheLines() {
        return this == CARRIER_FILTERED || this == UNREGISTERED_SENDER;
    }

    /** Twilio codes of this family. */
    public java.util.List<String> codes() {
        return BY_CODE.entrySet().stream().filter(e -> e.getValue() == this).map(Map.Entry::getKey).sorted().toList();
    }
}
