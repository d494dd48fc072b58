package io.redial.tenants;

/** What a console user may do: owners and admins change settings, the office reads and works leads. */
public enum AdminRole {
    OWNER, ADMIN, OFFICE;

    static AdminRole of(String stored) {
        return valueOf(stored.trim().toUpperCase(java.util.Locale.ROOT));
    }

    String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
