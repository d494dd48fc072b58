/** The runnable Redial app: boot class, embedded default database. */
@NullMarked
package io.redial.app;

import org.jspecify.annotations.NullMarked;
