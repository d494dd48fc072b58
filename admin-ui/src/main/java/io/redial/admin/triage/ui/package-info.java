/** The triage rules screen: per trade, what makes a text urgent and what Redial then does. */
@NullMarked
package io.redial.admin.triage.ui;

import org.jspecify.annotations.NullMarked;
