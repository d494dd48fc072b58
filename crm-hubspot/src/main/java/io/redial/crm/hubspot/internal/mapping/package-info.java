/** HubSpot internals: translation between core's CRM vocabulary and HubSpot properties. */
@NullMarked
package io.redial.crm.hubspot.internal.mapping;

import org.jspecify.annotations.NullMarked;
