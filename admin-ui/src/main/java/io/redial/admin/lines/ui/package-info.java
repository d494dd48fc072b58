/** The phone lines screen: how calls reach each line, whose phones ring, and how fast it texts. */
@NullMarked
package io.redial.admin.lines.ui;

import org.jspecify.annotations.NullMarked;
