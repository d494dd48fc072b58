package io.redial.crm;

/** A CRM provider's stable id ("acme"): stored in {@code crm_connections.crm_id} and used in configuration. */
public record CrmId(String value) {

    public CrmId {
        if (value == null || !value.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("a CRM id is a lower-case slug of at most 40 characters: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
