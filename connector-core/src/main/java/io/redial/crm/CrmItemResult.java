package io.redial.crm;

import org.jspecify.annotations.Nullable;

/**
 * One input's outcome in a batch request: its record, or the failure core acts on as it would for a request of
 * its own (a batch answer that rejects some inputs retries or rejects only those).
 */
public record CrmItemResult(@Nullable CrmRecordRef record, @Nullable CrmException failure) {

    public CrmItemResult {
        if ((record == null) == (failure == null)) {
            throw new IllegalArgumentException("a batch input ends with a record or a failure");
        }
    }

    public static CrmItemResult of(CrmRecordRef record) {
        return new CrmItemResult(record, null);
    }

    public static CrmItemResult failed(CrmException failure) {
        return new CrmItemResult(null, failure);
    }
}
