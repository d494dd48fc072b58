/** Read-only figures for the dashboard: what Redial recovered for a tenant, computed from the real tables. */
@NullMarked
package io.redial.insights;

import org.jspecify.annotations.NullMarked;
