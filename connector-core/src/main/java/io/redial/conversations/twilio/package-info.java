/** Sends texts through twilio-java. */
@NullMarked
package io.redial.conversations.twilio;

import org.jspecify.annotations.NullMarked;
