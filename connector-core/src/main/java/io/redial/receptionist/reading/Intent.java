package io.redial.receptionist.reading;

/** What a text asks for when it is not a new job to book: each goes to a person, with the reason noted on the lead. */
public enum Intent {
    JOB_IN_PROGRESS("a job in progress", "you're asking about a visit that's under way", "pregunta por una visita en curso"),
    RESCHEDULE("reschedule", "you'd like to move your appointment", "quiere cambiar su cita"),
    CANCEL("cancel", "you'd like to cancel your appointment", "quiere cancelar su cita"),
    BILLING("billing", "you have a question about a bill", "tiene una pregunta sobre un cobro"),
    WARRANTY("warranty", "you're asking about warranty work", "pregunta por la garantía"),
    QUOTE("a quote to follow up", "you're following up on a quote we gave you", "da seguimiento a una cotización que le dimos"),
    COMPLAINT("complaint", "you're unhappy with our service", "no está satisfecho con nuestro servicio"),
    PERSON("asked for a person", "you'd like to talk with someone", "quiere hablar con una persona");

    private final String reason;
    private final String noteEn;
    private final String noteEs;

    Intent(String reason, String noteEn, String noteEs) {
        this.reason = reason;
        this.noteEn = noteEn;
        this.noteEs = noteEs;
    }

    /** The reason as the lead and the CRM note show it. */
    public String reason() {
        return reason;
    }

    public String note(Language l) {
        return l == Language.ES ? noteEs : noteEn;
    }
}
