/**
 * The CRM screen: each connection's state and last error, reconnecting, and retrying failed sync work; for CRMs
 * connected by client credentials (ServiceTitan) the credentials form and the trade × urgency job table.
 */
@NullMarked
package io.redial.admin.crm.ui;

import org.jspecify.annotations.NullMarked;
