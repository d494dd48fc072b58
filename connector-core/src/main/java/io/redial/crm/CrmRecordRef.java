package io.redial.crm;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A record on the CRM's side: its kind there ("contact", "deal" …), its id, and where a person opens it when the
 * CRM's answer said so (the adapter checks that link before it puts it here; core stores it with the record).
 */
public record CrmRecordRef(String type, String id, @Nullable URI link) {

    public CrmRecordRef(String type, String id) {
        this(type, id, null);
    }
}
