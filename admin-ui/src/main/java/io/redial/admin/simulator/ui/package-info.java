/** The phone simulator screen: play a caller against the tenant's own lines in sandbox mode. */
@NullMarked
package io.redial.admin.simulator.ui;

import org.jspecify.annotations.NullMarked;
