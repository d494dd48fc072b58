package io.redial.crm;

import org.jspecify.annotations.Nullable;

/** An existing customer the CRM knows by the caller's number, with the name it has for them. */
public record CrmCustomer(CrmRecordRef ref, @Nullable String firstName, @Nullable String fullName) {
}
