/** The hours screen: time zone, weekly opening hours and holidays. */
@NullMarked
package io.redial.admin.hours.ui;

import org.jspecify.annotations.NullMarked;
