package io.redial.crm;

/**
 * An adapter heard from its CRM that the app was uninstalled from an account (e.g. a signed webhook).
 * Core deletes that account's tokens and marks its connection disconnected; pending work is kept.
 */
public record CrmUninstalled(CrmId crm, String externalAccountId) {
}
