package io.redial.receptionist.reading;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads whether a text needs a person rather than a booking: existing appointments, bills, complaints, warranty. */
public final class Intents {

    private static final String APPOINTMENT = "(?:appt|appointment|appointmnt|apt|visit|booking|service call|cita|visita)";
    private static final Pattern IN_PROGRESS = Pattern.compile("(?<![a-z])(?:"
            + "(?:tech|technician|plumber|electrician|roofer|guy|crew|worker|installer|tecnico|plomero|electricista|techero)s?\\s+(?:(?:[a-z]+\\s+)?(?:is|are)\\s+)?(?:here|still coming|running late|late|on (?:his|her|the|their) way|supposed to|hasnt shown|hasn't shown|no ha llegado|no llega|esta aqui)"
            + "|(?:is|are) (?:the|my|your) (?:tech|technician|plumber|electrician|roofer|guy|crew)s? (?:still )?coming"
            + "|(?:is|are) (?:he|she|they) still (?:coming|on (?:his|her|their) way)|(?:is|are) (?:he|she|they) (?:still )?coming back"
            + "|said (?:he|she|they)(?:'d|d| would| will| was| were) (?:be back|come back|return)"
            + "|where (?:is|are) (?:the|my|your) (?:tech|technician|plumber|electrician|roofer|guy|crew)"
            + "|supposed to (?:be here|come|show)|was supposed to be here"
            // a visit that has not come: "the plumber was going to come between 2 and 5 and nothing"
            + "|(?:was going to|iba a|va a) (?:come|venir)|no ha venido|no vino|no llego|ni llamo|never came|never showed"
            + "|(?:didn'?t|hasn'?t|has not|did not) (?:come|show|call)"
            // our crew at work on the job: "the roofing crew left for the day and ..."
            + "|(?:roofing|plumbing|electrical|hvac|ac|install) crew (?:left|was here|is here|came)"
            // a visit just made, followed up: "mike came out yesterday and said to text about the filter"
            + "|[a-z]+ came out (?:yesterday|this morning|last \\w+|on \\w+day)(?: and)? (?:said|told)"
            + "|(?:tech|technician|plumber|electrician|roofer|guy|crew|installer|tecnico|plomero|electricista|techero)s?\\s+(?:already\\s+|ya\\s+)?(?:is|are|esta|estan)\\s+"
            + "(?:at|over at|in|en)\\s+(?:my|the|our|mi|la)\\s+(?:house|home|place|casa|office|shop))");
    /** An estimate we gave, followed up: "following up on the quote mike gave us", "we want to go ahead with the bid". */
    private static final Pattern QUOTE_FOLLOW_UP = Pattern.compile("(?<![a-z])(?:(?:following|follow|circling|checking) (?:up|back) on (?:the|our|my|your|a|that|el|la|ese|esa) "
            + "(?:quote|estimate|proposal|bid|estimado|cotizacion|presupuesto)|(?:quote|estimate|proposal|bid) (?:[a-z]+ ){0,2}(?:gave|sent|emailed|wrote up)|"
            + "(?:go ahead|move forward|proceed) with (?:the|your|that) (?:quote|estimate|proposal|bid|work)|"
            + "(?:accept|approve|sign) (?:the|your|that) (?:quote|estimate|proposal|bid)|la cotizacion que nos)");
    private static final Pattern RESCHEDULE = Pattern.compile("(?<![a-z])(?:reschedul\\w*|re-schedul\\w*|reprogram\\w*"
            + "|(?:move|push|change|switch|bump|cambiar|mover|pasar)\\s+(?:my|our|the|mi|la|nuestra)?\\s*" + APPOINTMENT + ")");
    /** A visit already booked, then a wish to change it, in one text: "you're coming wednesday ... can we push it". */
    private static final Pattern BOOKED_VISIT = Pattern.compile("(?<![a-z])(?:" + APPOINTMENT + "|scheduled|booked|"
            + "(?:you|you all|yall|you guys|y'all|he|she|they|your (?:tech|guy|crew))(?:'re|'s| are| is| were)? (?:coming|supposed to come)|"
            + "tengo una cita|tengo cita|mi cita|la cita|cita con ustedes|"
            // on the books already: "yall have me down for the tune up thurs", "we're scheduled for friday"
            + "(?:have|got|had) (?:me|us) (?:down|scheduled|booked|on the schedule|penciled in)|"
            + "(?:i'?m|im|we'?re|were) (?:scheduled|booked|on the schedule|down) for|me tienen (?:apuntad|agendad)[oa]|"
            // "we have the furnace tune up on thursday"
            + "(?:we|i) have (?:a|an|the|our|my) (?:[a-z-]+ ){0,3}(?:tune ?up|inspection|service|install\\w*|estimate|repair|maintenance) "
            + "(?:on|for|this|next|tomorrow|scheduled|booked))(?![a-z])");
    private static final Pattern CHANGE_IT = Pattern.compile("(?<![a-z])(?:push it|move it|change it|push (?:it |that )?back|"
            + "different (?:day|time|date)|another (?:day|time|date)|other day|come (?:later|another)|"
            + "mover(?:la|lo)?|cambiar(?:la|lo)?|pasar(?:la|lo)? (?:a|para)|otro dia|otra fecha|otra semana|no voy a (?:estar|poder)|"
            + "(?:to|until|till) next week|another week)(?![a-z])");
    /** A job we did has failed again: "you fixed my ac two weeks ago and it's doing the same thing". */
    private static final Pattern FAILED_AGAIN = Pattern.compile("(?<![a-z])(?:(?:you|your (?:guy|tech|technician|plumber|electrician|"
            + "roofer|crew|company))\\s+(?:\\w+\\s+){0,2}(?:fixed|repaired|replaced|installed|worked on|came out|serviced)\\b.{0,80}"
            + "\\b(?:again|same (?:thing|problem|issue)|came back|is back|stopped working)|"
            + "same (?:problem|thing|issue) (?:again|came back|is back)|otra vez lo mismo|volvio a fallar|"
            // "el electricista de ustedes vino el martes y cambio el breaker pero se sigue botando"
            + "(?:tecnico|electricista|plomero|techero|muchacho|trabajador)(?:es)?\\s+(?:de ustedes\\s+)?(?:\\w+\\s+){0,3}"
            + "(?:vino|vinieron|cambio|arreglo|instalo|reparo)\\b.{0,100}\\b(?:sigue|otra vez|igual que antes|volvio|lo mismo))");
    private static final Pattern CANCEL = Pattern.compile("(?<![a-z])(?:(?:cancel\\w*)\\s+(?:(?:my|our|the|that|mi|la)\\s+)?(?:\\w+\\s+){0,3}"
            + "(?:" + APPOINTMENT + "|inspection|tune ?up|estimate|install|installation|inspeccion)|take (?:me|us|it|my name) off (?:the|your) (?:schedule|calendar|list|books)|"
            + "(?:don'?t|do not|no longer) need (?:you|yall|y'all|the tech|anyone|someone|somebody) to come|"
            + "ya no (?:necesito|necesitamos) que vengan)");
    private static final Pattern CANCEL_WORD = Pattern.compile("(?<![a-z])(?:cancel\\w*|cancelar\\w*)(?![a-z])");
    private static final Pattern BILLING = Pattern.compile("(?<![a-z])(?:(?:my|the|this|your|a|last|our|that) bill|bill (?:says|is|was|for|from)|"
            + "billed|billing|invoice|invoiced|charged|overcharged|"
            + "double charged|refund|receipt|statement|line item|payment|paid|factura|cobraron|cobro doble|me cobraron|recibo)(?![a-z])");
    private static final Pattern WARRANTY = Pattern.compile("(?<![a-z])(?:warrant\\w*|guarantee\\w*|garantia)");
    private static final Pattern COMPLAINT = Pattern.compile("(?<![a-z])(?:not happy|unhappy|disappointed|rude|left (?:a )?mess|"
            + "mud all over|damaged my|broke my|didnt finish|didn't finish|never finished|poor job|bad job|sloppy|mal trabajo|"
            + "molest\\w*|no estoy content\\w*|grosero|not ok|not okay|not acceptable|who do i (?:talk|speak) to|"
            // work we did, spoken of as ours: "the electrician yall sent tuesday cut two holes"
            + "(?:that |who )?(?:yall|y'all|you guys|you all|you) sent (?:out )?(?:on |last |this |yesterday|today|[a-z]+day))");

    private Intents() {
    }

    /** The reason a person must take this text, if one must. */
    public static Optional<Intent> personNeeded(String plain, String raw) {
        if (RESCHEDULE.matcher(plain).find()
                || (BOOKED_VISIT.matcher(plain).find() && CHANGE_IT.matcher(plain).find())) {
            return Optional.of(Intent.RESCHEDULE);
        }
        // After the reschedule check: "they're supposed to come monday, can we do another day" is a move.
        if (IN_PROGRESS.matcher(plain).find()) {
            return Optional.of(Intent.JOB_IN_PROGRESS);
        }
        if (QUOTE_FOLLOW_UP.matcher(plain).find()) {
            return Optional.of(Intent.QUOTE);
        }
        if (CANCEL.matcher(plain).find() || (BOOKED_VISIT.matcher(plain).find() && CANCEL_WORD.matcher(plain).find())) {
            return Optional.of(Intent.CANCEL);
        }
        if (BILLING.matcher(plain).find()) {
            return Optional.of(Intent.BILLING);
        }
        if (WARRANTY.matcher(plain).find()) {
            return Optional.of(Intent.WARRANTY);
        }
        if (COMPLAINT.matcher(plain).find() || FAILED_AGAIN.matcher(plain).find() || CallerWords.angry(plain, raw)) {
            return Optional.of(Intent.COMPLAINT);
        }
        return CallerWords.wantsHuman(plain) ? Optional.of(Intent.PERSON) : Optional.empty();
    }
}
