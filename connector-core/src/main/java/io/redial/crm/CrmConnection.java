package io.redial.crm;

import io.redial.shared.TenantId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's link to one CRM, as an adapter needs it: a current access token (core refreshes it
 * before it expires), the account id on the CRM's side, the tenant's settings for this CRM
 * (e.g. which pipeline jobs go to) and core's throttle for this connection.
 */
public record CrmConnection(long id, TenantId tenant, CrmId crm, @Nullable String externalAccountId,
        String accessToken, Map<String, String> settings, CrmThrottle throttle) {

    public String setting(String name, String fallback) {
        return settings.getOrDefault(name, fallback);
    }
}
