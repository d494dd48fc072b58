/** The text templates screen: business-hours and after-hours texts with live preview and segment count. */
@NullMarked
package io.redial.admin.templates.ui;

import org.jspecify.annotations.NullMarked;
