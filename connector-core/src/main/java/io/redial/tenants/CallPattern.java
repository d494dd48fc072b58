package io.redial.tenants;

/** How calls reach a line (DESIGN, "The flow"). */
public enum CallPattern {
    /** The business number lives on Twilio; we ring the team's phones and learn whether anyone took it. */
    DIAL,
    /** The contractor's carrier forwards unanswered calls here: every call is already missed. */
    FORWARDED;

    public static CallPattern of(String name) {
        return switch (name.trim().toLowerCase()) {
            case "dial" -> DIAL;
            case "forwarded" -> FORWARDED;
            default -> throw new IllegalArgumentException("unknown call pattern '" + name + "' (dial or forwarded)");
        };
    }

    public String key() {
        return name().toLowerCase();
    }
}
