package io.redial.receptionist.booking;

import io.redial.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The seam for a CRM that can report its own availability: a bean implementing this is asked first, and
 * empty means "no answer, use the tenant's own windows and daily capacity". Bookings stay race-safe
 * either way, since our bookings table holds the units.
 */
public interface ExternalAvailability {

    Optional<List<Slot>> slots(TenantId tenant, Instant from, Instant to);
}
