/** The leads screens: a filterable list, and one lead with its call and texts. */
@NullMarked
package io.redial.admin.leads.ui;

import org.jspecify.annotations.NullMarked;
