/** The ServiceTitan adapter of the CRM SPI (filled in by the CRM adapter issues). */
@NullMarked
package io.redial.crm.servicetitan;

import org.jspecify.annotations.NullMarked;
