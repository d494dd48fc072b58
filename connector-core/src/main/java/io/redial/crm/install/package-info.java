/** Installing a CRM by OAuth: the install link, the callback that stores the tokens and links the tenant. */
@NullMarked
package io.redial.crm.install;

import org.jspecify.annotations.NullMarked;
