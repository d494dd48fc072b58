package io.redial.tenants;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A number callers dial (or are forwarded to), and how we ring the team on it. */
public record PhoneLine(long id, TenantId tenantId, PhoneNumber number, CallPattern pattern,
        @Nullable PhoneNumber forwardedFrom, List<PhoneNumber> ringList, int ringTimeoutSeconds,
        boolean screening) {
}
