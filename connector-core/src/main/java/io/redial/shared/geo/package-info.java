/** Positions and distances: what a radius service area needs. */
@NullMarked
package io.redial.shared.geo;

import org.jspecify.annotations.NullMarked;
