package io.redial.shared;

/** A tenant's stable slug, e.g. {@code lone-star}: what the provisioning file and every business row carry. */
public record TenantId(String value) {

    public TenantId {
        if (value == null || !value.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("a tenant id is a lower-case slug of at most 64 characters: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
