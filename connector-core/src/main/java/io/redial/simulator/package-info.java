/**
 * The console's phone simulator for sandbox mode: it plays the caller through the same signed Twilio webhooks
 * production receives, posted to this app over loopback, and reads back what the caller would see.
 */
@NullMarked
package io.redial.simulator;

import org.jspecify.annotations.NullMarked;
