package io.redial.crm.hubspot.internal.api;

import java.util.List;
import java.util.Map;

/** The body of a create: HubSpot's spec requires both keys, so associations is sent even when empty. */
public record CreateObject(Map<String, String> properties, List<Association> associations) {

    public record Association(Target to, List<Type> types) {
    }

    public record Target(String id) {
    }

    public record Type(String associationCategory, int associationTypeId) {
    }

    /** Associated to one record with a HUBSPOT_DEFINED type. */
    public static CreateObject associatedTo(Map<String, String> properties, String toId, int typeId) {
        return new CreateObject(properties,
                List.of(new Association(new Target(toId), List.of(new Type("HUBSPOT_DEFINED", typeId)))));
    }
}
