package io.redial.crm;

import org.jspecify.annotations.Nullable;

/** The CRM refused this write for good (validation, missing scope …); retrying unchanged will not help. */
public final class CrmRejected extends CrmException {

    public CrmRejected(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
