package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** A phone number or email on a customer, location or booking; {@code type} is Phone, MobilePhone, Email or Fax. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactMethod(String type, String value, @Nullable String memo) {

    public static ContactMethod mobile(String number) {
        return new ContactMethod("MobilePhone", number, null);
    }
}
