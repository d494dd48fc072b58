/** Texts in and out: the send ledger, the text-back and the TextMessaging port. */
@NullMarked
package io.redial.conversations;

import org.jspecify.annotations.NullMarked;
