package io.redial.conversations;

import io.redial.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A text we sent ended undelivered or failed: refused when handed over, given up after retries, or reported
 * by the carrier's delivery callback. {@code carrierCode} is the carrier's error code, when it gave one.
 */
public record TextNotDelivered(TenantId tenant, long messageId, @Nullable String carrierCode) {
}
