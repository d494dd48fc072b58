/** The compliance screen: opt-outs, blocklist, staff numbers, the automated-assistant disclosure and approved prices. */
@NullMarked
package io.redial.admin.compliance.ui;

import org.jspecify.annotations.NullMarked;
