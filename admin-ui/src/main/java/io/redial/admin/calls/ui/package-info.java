/** Console screens about calls and their text-backs. */
@NullMarked
package io.redial.admin.calls.ui;

import org.jspecify.annotations.NullMarked;
