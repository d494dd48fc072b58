/** The sandbox carrier: records outbound texts for the console's phone simulator. */
@NullMarked
package io.redial.conversations.sandbox;

import org.jspecify.annotations.NullMarked;
