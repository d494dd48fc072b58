/** The embedded MariaDB of the first run and of tests on a machine with nothing but a JDK. */
@NullMarked
package io.redial.shared.embedded;

import org.jspecify.annotations.NullMarked;
