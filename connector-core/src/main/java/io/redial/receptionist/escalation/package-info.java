/** Escalation: paging the on-call ladder, its replies and timeouts, and handing a conversation to a person and back. */
@NullMarked
package io.redial.receptionist.escalation;

import org.jspecify.annotations.NullMarked;
