/** Twilio webhook signature checks, shared by the voice and SMS webhooks. */
@NullMarked
package io.redial.shared.twilio;

import org.jspecify.annotations.NullMarked;
