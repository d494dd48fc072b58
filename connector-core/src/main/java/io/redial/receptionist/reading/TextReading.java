package io.redial.receptionist.reading;

import io.redial.receptionist.Stage;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.redial.leads.LeadDetails;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads every detail a caller's text carries, in any order and at any stage: name, street address with unit,
 * city and ZIP, and corrections of what Anna already has. Phone numbers (found with libphonenumber) are set
 * aside first, so "512-555-0143" is never read as a house number.
 */
public final class TextReading {

    /** The name and address this text gives or corrects; null where it says nothing new. */
    public record Read(@Nullable String name, @Nullable String address) {

        public boolean any() {
            return name != null || address != null;
        }
    }

    private TextReading() {
    }

    public static Read read(String raw, Stage asked, LeadDetails known) {
        // After a page Anna still collects details; the question she asked is the next one missing.
        Stage stage = asked == Stage.ESCALATED ? Stage.nextQuestion(known) : asked;
        String text = withoutPhoneNumbers(raw);
        // A correction ("zip is 78756 not 78765") edits what Anna has, before anything is read as a new address.
        String corrected = Corrections.apply(text, known.serviceAddress()).orElse(null);
        Optional<Addresses.Found> found = corrected != null ? Optional.empty() : Addresses.find(text);
        String address = corrected != null ? corrected : found.map(Addresses.Found::address).orElse(null);
        if (address == null && stage == Stage.ASKED_ADDRESS) {
            address = bareAddress(text);
        }
        String name = Names.find(text, found, stage == Stage.ASKED_NAME).orElse(null);
        if (name == null && known.callerName() != null && found.isEmpty()) {
            name = Corrections.apply(text, known.callerName()).orElse(null);
        }
        return new Read(name, address);
    }

    private static String withoutPhoneNumbers(String raw) {
        StringBuilder b = new StringBuilder(raw);
        for (PhoneNumberMatch m : PhoneNumberUtil.getInstance().findNumbers(raw, "US")) {
            for (int i = m.start(); i < m.end(); i++) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }

    /** A bare answer to "what's the address?" that names no street type: it still needs a house number or a ZIP. */
    private static @Nullable String bareAddress(String text) {
        String t = text.strip();
        return t.matches("(?s).*\\d{2,}.*") && t.length() <= 200 ? t : null;
    }
}
