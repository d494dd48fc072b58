package io.redial.admin.onboarding.ui;

import io.redial.shared.PhoneNumber;
import java.util.List;

/**
 * How a contractor's carrier forwards the calls they miss to Redial (call pattern b). These are the typical US
 * conditional call forwarding codes; carriers and plans vary, so the screen labels them as typical.
 */
final class ForwardingSteps {

    record Carrier(String name, List<String> steps) {
    }

    private ForwardingSteps() {
    }

    static List<Carrier> to(PhoneNumber redialLine) {
        String digits = national(redialLine);
        return List.of(
                new Carrier("Verizon", List.of(
                        "Dial *71" + digits + " and wait for the confirmation tone: unanswered and busy calls forward.",
                        "To stop: dial *73.")),
                new Carrier("AT&T", List.of(
                        "Dial *92" + digits + "# for unanswered calls, then *90" + digits + "# for busy ones.",
                        "To stop: dial *93# and *91#.")),
                new Carrier("T-Mobile and other GSM carriers", List.of(
                        "Dial **61*" + redialLine.e164() + "# for unanswered calls.",
                        "Dial **67*" + redialLine.e164() + "# for busy, and **62*" + redialLine.e164()
                                + "# for when the phone is off or out of reach.",
                        "To stop all conditional forwarding: dial ##004#.")),
                new Carrier("Office lines and VoIP", List.of(
                        "In your phone provider's portal, set \"forward when busy\" and \"forward when unanswered\" to "
                                + redialLine.e164() + ".")));
    }

    /** The ten digits a US caller dials, for a US number; otherwise the full international form. */
    static String national(PhoneNumber number) {
        return number.e164().startsWith("+1") && number.e164().length() == 12 ? number.e164().substring(2) : number.e164();
    }
}
