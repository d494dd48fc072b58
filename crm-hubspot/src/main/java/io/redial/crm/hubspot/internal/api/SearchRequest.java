package io.redial.crm.hubspot.internal.api;

import java.util.List;

/** CRM search: groups are OR-ed, filters inside a group AND-ed; at most five groups. */
public record SearchRequest(List<FilterGroup> filterGroups, List<String> properties, List<Sort> sorts, int limit,
        String after) {

    public record FilterGroup(List<Filter> filters) {
    }

    public record Filter(String propertyName, String operator, String value) {
    }

    public record Sort(String propertyName, String direction) {
    }
}
