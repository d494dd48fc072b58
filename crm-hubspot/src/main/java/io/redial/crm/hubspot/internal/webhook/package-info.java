/** HubSpot's calls to us: signature v3 checks and the app's lifecycle events. */
@NullMarked
package io.redial.crm.hubspot.internal.webhook;

import org.jspecify.annotations.NullMarked;
