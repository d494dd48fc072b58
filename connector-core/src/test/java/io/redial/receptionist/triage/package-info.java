@NullMarked
package io.redial.receptionist.triage;

import org.jspecify.annotations.NullMarked;
