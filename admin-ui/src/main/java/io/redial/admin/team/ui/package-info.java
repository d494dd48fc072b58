/** The team screen: console users of the tenant, their roles, and invitations by link. */
@NullMarked
package io.redial.admin.team.ui;

import org.jspecify.annotations.NullMarked;
