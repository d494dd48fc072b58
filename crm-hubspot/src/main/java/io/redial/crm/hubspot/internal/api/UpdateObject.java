package io.redial.crm.hubspot.internal.api;

import java.util.Map;

/** The body of a PATCH. */
public record UpdateObject(Map<String, String> properties) {
}
