/** Reading a caller's text: the details it carries (name, address, corrections), its intent and its language. */
@NullMarked
package io.redial.receptionist.reading;

import org.jspecify.annotations.NullMarked;
