package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One outbound text as the send ledger knows it. */
public record LedgerEntry(long id, TenantId tenant, PhoneNumber from, PhoneNumber to, String body, SendState state,
        @Nullable String carrierSid, int attempts, Instant createdAt) {
}
