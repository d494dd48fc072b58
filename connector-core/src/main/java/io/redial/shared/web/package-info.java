/** Web plumbing shared by every webhook: error answers. */
@NullMarked
package io.redial.shared.web;

import org.jspecify.annotations.NullMarked;
