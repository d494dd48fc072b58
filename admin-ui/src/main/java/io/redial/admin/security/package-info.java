/** Signing in to the console, roles, and the tenant every screen is scoped to. */
@NullMarked
package io.redial.admin.security;

import org.jspecify.annotations.NullMarked;
