/** The sandbox carrier's registrations: each line's state is whatever the console chose to simulate. */
@NullMarked
package io.redial.lines.sandbox;

import org.jspecify.annotations.NullMarked;
