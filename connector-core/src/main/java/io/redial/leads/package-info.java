/** Leads: what a missed call becomes, what the receptionist fills in, and what the CRM receives. */
@NullMarked
package io.redial.leads;

import org.jspecify.annotations.NullMarked;
