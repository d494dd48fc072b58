@NullMarked
package io.redial.receptionist.booking;

import org.jspecify.annotations.NullMarked;
