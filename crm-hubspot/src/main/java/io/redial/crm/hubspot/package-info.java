/** The HubSpot adapter of the CRM SPI (filled in by the CRM adapter issues). */
@NullMarked
package io.redial.crm.hubspot;

import org.jspecify.annotations.NullMarked;
