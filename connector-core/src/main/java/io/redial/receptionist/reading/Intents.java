package io.redial.receptionist.reading;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads whether a text needs a person rather than a booking: existing appointments, bills, complaints, warranty. */
public final class Intents {

    private static final String APPOINTMENT = "(?:appt|appointment|appointmnt|apt|visit|booking|service call|cita|visita)";
    private static final Pattern IN_PROGRESS = Pattern.compile("(?<![a-z])(?:"
            + "(?:tech|technician|plumber|electrician|roofer|guy|crew|worker|installer|tecnico)s?\\s+(?:is\\s+|are\\s+)?(?:here|still coming|running late|late|on (?:his|her|the|their) way|supposed to|hasnt shown|hasn't shown|no ha llegado|no llega|esta aqui)"
            + "|(?:is|are) (?:the|my|your) (?:tech|technician|plumber|electrician|roofer|guy|crew)s? (?:still )?coming"
            + "|where (?:is|are) (?:the|my|your) (?:tech|technician|plumber|electrician|roofer|guy|crew)"
            + "|supposed to (?:be here|come|show)|was supposed to be here)");
    private static final Pattern RESCHEDULE = Pattern.compile("(?<![a-z])(?:reschedul\\w*|re-schedul\\w*|reprogram\\w*"
            + "|(?:move|push|change|switch|bump|cambiar|mover|pasar)\\s+(?:my|our|the|mi|la|nuestra)?\\s*" + APPOINTMENT + ")");
    private static final Pattern CANCEL = Pattern.compile("(?<![a-z])(?:cancel\\w*)\\s+(?:(?:my|our|the|that|mi|la)\\s+)?(?:\\w+\\s+)?"
            + APPOINTMENT);
    private static final Pattern BILLING = Pattern.compile("(?<![a-z])(?:(?:my|the|this|your|a|last|our|that) bill|bill (?:says|is|was|for|from)|"
            + "billed|billing|invoice|invoiced|charged|overcharged|"
            + "double charged|refund|receipt|statement|line item|payment|paid|factura|cobraron|cobro doble|me cobraron|recibo)(?![a-z])");
    private static final Pattern WARRANTY = Pattern.compile("(?<![a-z])(?:warrant\\w*|guarantee\\w*|garantia)");
    private static final Pattern COMPLAINT = Pattern.compile("(?<![a-z])(?:not happy|unhappy|disappointed|rude|left (?:a )?mess|"
            + "mud all over|damaged my|broke my|didnt finish|didn't finish|never finished|poor job|bad job|sloppy|mal trabajo|"
            + "molest\\w*|no estoy content\\w*|grosero)");

    private Intents() {
    }

    /** The reason a person must take this text, if one must. */
    public static Optional<Intent> personNeeded(String plain, String raw) {
        if (IN_PROGRESS.matcher(plain).find()) {
            return Optional.of(Intent.JOB_IN_PROGRESS);
        }
        if (RESCHEDULE.matcher(plain).find()) {
            return Optional.of(Intent.RESCHEDULE);
        }
        if (CANCEL.matcher(plain).find()) {
            return Optional.of(Intent.CANCEL);
        }
        if (BILLING.matcher(plain).find()) {
            return Optional.of(Intent.BILLING);
        }
        if (WARRANTY.matcher(plain).find()) {
            return Optional.of(Intent.WARRANTY);
        }
        if (COMPLAINT.matcher(plain).find() || CallerWords.angry(plain, raw)) {
            return Optional.of(Intent.COMPLAINT);
        }
        return CallerWords.wantsHuman(plain) ? Optional.of(Intent.PERSON) : Optional.empty();
    }
}
