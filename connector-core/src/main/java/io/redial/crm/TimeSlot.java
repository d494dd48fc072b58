package io.redial.crm;

import java.time.Instant;

/** A free window the CRM offers for booking. */
public record TimeSlot(Instant start, Instant end) {
}
