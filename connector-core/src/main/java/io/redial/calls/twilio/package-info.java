/** Twilio voice webhooks: signature check, mapping, answer at once. */
@NullMarked
package io.redial.calls.twilio;

import org.jspecify.annotations.NullMarked;
