/** Reads a line's registration from Twilio's Messaging resources (Messaging Services, A2P campaigns, brands, toll-free verifications). */
@NullMarked
package io.redial.lines.twilio;

import org.jspecify.annotations.NullMarked;
