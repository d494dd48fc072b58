package io.redial.crm.sync;

/** Where a tenant's CRM connection stands. */
public enum ConnectionStatus {
    CONNECTED,
    /** Credentials stopped working; work waits until the tenant reconnects. */
    BROKEN,
    /** Uninstalled: tokens removed. */
    DISCONNECTED
}
