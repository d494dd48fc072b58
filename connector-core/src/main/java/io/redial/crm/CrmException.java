package io.redial.crm;

/** Every CRM failure is one of three outcomes core acts on (DESIGN decision 4). */
public abstract sealed class CrmException extends RuntimeException permits CrmUnavailable, CrmRejected, CrmAuthExpired {

    protected CrmException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
    }
}
