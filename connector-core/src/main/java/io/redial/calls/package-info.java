/** Calls reaching a tenant's line, their outcome, and the MissedCallDetected fact. */
@NullMarked
package io.redial.calls;

import org.jspecify.annotations.NullMarked;
