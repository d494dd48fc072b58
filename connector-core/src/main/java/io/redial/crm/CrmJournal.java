package io.redial.crm;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A CRM that reports app events only through a journal the app polls (HubSpot's Webhooks Journal carries its
 * uninstalls). Core polls it on a recurring task, on one node at a time, remembers the offset of the last entry it
 * handled, and disconnects each account an entry names as uninstalled ({@link CrmUninstalled}).
 */
public interface CrmJournal {

    /** One journal entry: its offset (to resume after) and the accounts it reports as having uninstalled the app. */
    record Entry(String offset, List<String> uninstalledAccounts) {
    }

    /** The entry after {@code offset} ({@code null}: the earliest the CRM still keeps), or empty when none is new. */
    Optional<Entry> next(@Nullable String offset);
}
