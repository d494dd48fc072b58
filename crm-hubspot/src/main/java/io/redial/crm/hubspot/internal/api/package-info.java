/** HubSpot internals: records of HubSpot's wire format. */
@NullMarked
package io.redial.crm.hubspot.internal.api;

import org.jspecify.annotations.NullMarked;
