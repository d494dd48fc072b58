/** The CRM screen: each connection's state and last error, reconnecting, and retrying failed sync work. */
@NullMarked
package io.redial.admin.crm.ui;

import org.jspecify.annotations.NullMarked;
