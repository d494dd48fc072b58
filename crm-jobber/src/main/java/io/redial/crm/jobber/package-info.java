/** The Jobber adapter of the CRM SPI: provider, configuration, the gateway for one account and its webhooks. */
@NullMarked
package io.redial.crm.jobber;

import org.jspecify.annotations.NullMarked;
