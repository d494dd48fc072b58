package io.redial.tenants.provisioning;

/** A provisioning file that cannot be applied; the message names the place in the file. */
public class ProvisioningException extends RuntimeException {
    public ProvisioningException(String message) {
        super(message);
    }
}
