package io.redial.receptionist;

import io.redial.shared.geo.GeoPoint;
import java.util.Optional;

/** Finds where a street address lies, for tenants whose service area is a radius. */
public interface Geocoder {

    /** Empty when the address is not found, or the lookup failed or ran out of time: the caller decides later. */
    Optional<GeoPoint> locate(String address);
}
