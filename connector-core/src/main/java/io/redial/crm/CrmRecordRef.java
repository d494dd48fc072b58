package io.redial.crm;

/** A record on the CRM's side: its kind there ("contact", "deal" …) and its id. */
public record CrmRecordRef(String type, String id) {
}
