/** The geocoder adapter: where a caller's address lies, for radius service areas. */
@NullMarked
package io.redial.receptionist.geocoding;

import org.jspecify.annotations.NullMarked;
