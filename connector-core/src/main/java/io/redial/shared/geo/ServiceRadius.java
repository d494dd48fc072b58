package io.redial.shared.geo;

import java.util.Locale;

/**
 * "Within N miles of here": a tenant's service area as a circle. Stored as one text column,
 * {@code "latitude,longitude,miles"}, written by provisioning and the console, read by the receptionist.
 */
public record ServiceRadius(GeoPoint center, double miles) {

    public ServiceRadius {
        if (!(miles > 0 && miles <= 500)) {
            throw new IllegalArgumentException("radius must be between 0 and 500 miles, not " + miles);
        }
    }

    public boolean covers(GeoPoint point) {
        return center.milesTo(point) <= miles;
    }

    public String encoded() {
        return String.format(Locale.ROOT, "%.6f,%.6f,%s", center.latitude(), center.longitude(),
                java.math.BigDecimal.valueOf(miles).stripTrailingZeros().toPlainString());
    }

    public static ServiceRadius parse(String encoded) {
        String[] parts = encoded.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected latitude,longitude,miles: " + encoded);
        }
        return new ServiceRadius(new GeoPoint(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())),
                Double.parseDouble(parts[2].trim()));
    }
}
