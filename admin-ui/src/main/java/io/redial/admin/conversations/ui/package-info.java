/** The conversations screen: live threads, and a person taking one over from Anna and handing it back. */
@NullMarked
package io.redial.admin.conversations.ui;

import org.jspecify.annotations.NullMarked;
