/** Tests of Anna: unit tests of the pure parts, integration tests on the real database, the evaluation suite. */
@NullMarked
package io.redial.receptionist;

import org.jspecify.annotations.NullMarked;
