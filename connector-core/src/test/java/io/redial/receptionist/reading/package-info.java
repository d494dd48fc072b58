@NullMarked
package io.redial.receptionist.reading;

import org.jspecify.annotations.NullMarked;
