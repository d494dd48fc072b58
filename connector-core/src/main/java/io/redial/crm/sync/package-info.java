/** The CRM sync engine: lead events become durable, idempotent, rate-limited writes to each connected CRM. */
@NullMarked
package io.redial.crm.sync;

import org.jspecify.annotations.NullMarked;
