/** Loads tenants, lines, hours and templates from a YAML provisioning file, idempotently. */
@NullMarked
package io.redial.tenants.provisioning;

import org.jspecify.annotations.NullMarked;
