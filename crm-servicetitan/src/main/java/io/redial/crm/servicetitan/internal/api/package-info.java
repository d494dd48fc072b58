/**
 * ServiceTitan's wire format (crm, jpm, settings and marketing v2), as records: only the fields the adapter
 * sends or reads. Requests leave out nulls, since several patch schemas do not allow them.
 */
@NullMarked
package io.redial.crm.servicetitan.internal.api;

import org.jspecify.annotations.NullMarked;
