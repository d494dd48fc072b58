/** The Jobber adapter of the CRM SPI (filled in by the CRM adapter issues). */
@NullMarked
package io.redial.crm.jobber;

import org.jspecify.annotations.NullMarked;
