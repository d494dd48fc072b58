/** Core's lead, transcript and booking translated into Jobber's input objects, and Jobber's phone numbers read back. */
@NullMarked
package io.redial.crm.jobber.internal.mapping;

import org.jspecify.annotations.NullMarked;
