package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code CreateCustomerRequest}: a customer needs a bill-to address and at least one location. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewCustomer(String name, String type, Address address, List<Place> locations, List<ContactMethod> contacts) {

    /** {@code NewLocation}, a location made together with its customer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Place(String name, Address address, List<ContactMethod> contacts) {
    }
}
