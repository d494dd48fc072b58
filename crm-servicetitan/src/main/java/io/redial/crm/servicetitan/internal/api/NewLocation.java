package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code CreateLocationRequest}: another location for an existing customer (409 when the customer is unknown). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewLocation(long customerId, String name, Address address, List<ContactMethod> contacts) {
}
