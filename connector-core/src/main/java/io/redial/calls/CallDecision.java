package io.redial.calls;

/** An outcome and the reason for it, stored on every call so each text sent or not sent can be explained. */
public record CallDecision(CallOutcome outcome, String reason) {

    /** Classifies a finished dial. Screening and duration signals refine this in the outcome engine. */
    public static CallDecision of(DialResult dial) {
        return switch (dial.dialStatus()) {
            case "no-answer" -> new CallDecision(CallOutcome.MISSED, "nobody answered within the ring timeout");
            case "busy" -> new CallDecision(CallOutcome.MISSED, "every phone on the ring list was busy");
            case "failed" -> new CallDecision(CallOutcome.MISSED, "the team's phones could not be reached");
            case "canceled" -> new CallDecision(CallOutcome.MISSED, "the call was canceled before anyone answered");
            case "completed", "answered" -> new CallDecision(CallOutcome.ANSWERED,
                    "the call was bridged for " + dial.bridgedSeconds() + " s");
            default -> new CallDecision(CallOutcome.MISSED, "unknown dial status '" + dial.dialStatus()
                    + "': treated as missed so no caller is lost");
        };
    }
}
