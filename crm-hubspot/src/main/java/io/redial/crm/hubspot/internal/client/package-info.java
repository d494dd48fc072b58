/** HubSpot internals: the HTTP client and the mapping of HubSpot errors onto core's outcomes. */
@NullMarked
package io.redial.crm.hubspot.internal.client;

import org.jspecify.annotations.NullMarked;
