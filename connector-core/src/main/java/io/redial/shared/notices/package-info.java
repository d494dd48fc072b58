/** Notices for the admin: things Redial worked around but someone should fix. */
@NullMarked
package io.redial.shared.notices;

import org.jspecify.annotations.NullMarked;
