/**
 * ServiceTitan internals: the HTTP client for one tenant (app key, bearer token, tenant in the path, core's
 * throttle before each request), the token endpoint, and the mapping of ServiceTitan errors onto core's outcomes.
 */
@NullMarked
package io.redial.crm.servicetitan.internal.client;

import org.jspecify.annotations.NullMarked;
