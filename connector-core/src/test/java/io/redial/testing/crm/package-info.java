/** The contract every CRM adapter passes against its own HTTP fake, shipped in core's test-jar. */
@NullMarked
package io.redial.testing.crm;

import org.jspecify.annotations.NullMarked;
