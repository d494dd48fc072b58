/** The Vaadin console: shell, layout and navigation. */
@NullMarked
package io.redial.admin;

import org.jspecify.annotations.NullMarked;
