/**
 * Core's vocabulary in ServiceTitan's terms: addresses, the booking's summary, the trade × urgency → business
 * unit, job type, priority and campaign table, and how the tenant's credentials are kept.
 */
@NullMarked
package io.redial.crm.servicetitan.internal.mapping;

import org.jspecify.annotations.NullMarked;
