package io.redial.crm.hubspot.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * CRM search: groups are OR-ed, filters inside a group AND-ed; at most five groups. {@code sorts} is sent empty:
 * HubSpot's OpenAPI spec (PublicObjectSearchRequest, 2026-03) requires it and types its items as strings, while
 * its search guide shows {@code {propertyName, direction}} objects; the adapter orders results itself instead.
 */
public record SearchRequest(List<FilterGroup> filterGroups, List<String> properties, List<String> sorts, int limit,
        String after) {

    /** HubSpot's limits (developer changelog, 2024-08-26): 5 groups, 10 filters a group, 25 filters in all. */
    public static final int MAX_GROUPS = 5;
    /** Values in one IN filter: HubSpot's reference states none we could find; 100 is the figure used here. */
    public static final int MAX_IN_VALUES = 100;
    /** Results per page. */
    public static final int MAX_LIMIT = 200;

    public record FilterGroup(List<Filter> filters) {
    }

    /** {@code value} for EQ, {@code values} for IN. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(String propertyName, String operator, String value, List<String> values) {

        public Filter(String propertyName, String operator, String value) {
            this(propertyName, operator, value, null);
        }

        public static Filter in(String propertyName, List<String> values) {
            return new Filter(propertyName, "IN", null, values);
        }
    }
}
