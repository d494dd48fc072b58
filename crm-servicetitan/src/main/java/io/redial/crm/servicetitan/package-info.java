/**
 * The ServiceTitan adapter of the CRM SPI: leads become bookings in the CSRs' queue, booked jobs arrive with
 * business unit, job type, priority and campaign. Provider, configuration and the gateway for one tenant.
 */
@NullMarked
package io.redial.crm.servicetitan;

import org.jspecify.annotations.NullMarked;
