package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import java.util.Optional;
import java.util.Set;

/** The carrier's line-type lookup: whether a number is a mobile, a landline, and so on. Optional and billed. */
public interface LineTypes {

    /** Line types that cannot take a text. */
    Set<String> NOT_TEXTABLE = Set.of("landline", "tollFree", "premium", "sharedCost", "uan", "voicemail", "pager");

    /** @return the carrier's type for the number ("mobile", "landline", …), empty when unknown */
    Optional<String> typeOf(PhoneNumber number);
}
