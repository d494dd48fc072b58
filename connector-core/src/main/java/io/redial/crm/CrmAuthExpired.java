package io.redial.crm;

import org.jspecify.annotations.Nullable;

/** The connection's credentials no longer work; it is broken until the tenant reconnects. */
public final class CrmAuthExpired extends CrmException {

    public CrmAuthExpired(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
