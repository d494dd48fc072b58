/** The HubSpot adapter of the CRM SPI: provider, configuration and the gateway for one portal. */
@NullMarked
package io.redial.crm.hubspot;

import org.jspecify.annotations.NullMarked;
