/** Tenants (contractors), their phone lines, business hours and templates. */
@NullMarked
package io.redial.tenants;

import org.jspecify.annotations.NullMarked;
