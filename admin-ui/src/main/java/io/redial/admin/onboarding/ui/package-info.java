/** The guided setup after a CRM install or a first sign-in, one step per concern, resumable. */
@NullMarked
package io.redial.admin.onboarding.ui;

import org.jspecify.annotations.NullMarked;
