/** Small, stable value types every module shares: phone numbers and ids. */
@NullMarked
package io.redial.shared;

import org.jspecify.annotations.NullMarked;
