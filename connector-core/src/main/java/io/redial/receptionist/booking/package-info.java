/** Booking: arrival windows and free slots, the caller's time preference, race-safe bookings. */
@NullMarked
package io.redial.receptionist.booking;

import org.jspecify.annotations.NullMarked;
