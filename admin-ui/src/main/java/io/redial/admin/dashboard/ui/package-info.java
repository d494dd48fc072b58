/** The dashboard: what Redial recovered for the tenant over the last 30 days, drawn with plain HTML bars. */
@NullMarked
package io.redial.admin.dashboard.ui;

import org.jspecify.annotations.NullMarked;
