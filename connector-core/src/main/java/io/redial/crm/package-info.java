/** The CRM SPI: what a CRM adapter implements, in core's own vocabulary, and the failures core acts on. */
@NullMarked
package io.redial.crm;

import org.jspecify.annotations.NullMarked;
