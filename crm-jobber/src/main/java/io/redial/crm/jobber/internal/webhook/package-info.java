/** Checking the HMAC Jobber signs its webhook calls with. */
@NullMarked
package io.redial.crm.jobber.internal.webhook;

import org.jspecify.annotations.NullMarked;
