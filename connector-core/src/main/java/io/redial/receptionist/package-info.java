/** Anna, the receptionist: turns, triage, booking, paging and guardrails; the model proposes, this code disposes. */
@NullMarked
package io.redial.receptionist;

import org.jspecify.annotations.NullMarked;
