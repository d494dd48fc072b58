/** The on-call screen: the paging ladder, the acknowledgement timeout, who is on call now, recent escalations. */
@NullMarked
package io.redial.admin.oncall.ui;

import org.jspecify.annotations.NullMarked;
