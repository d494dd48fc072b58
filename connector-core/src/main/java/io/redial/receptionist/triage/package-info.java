/** Triage: the code-enforced life-safety rules, the tenant's keyword rules and the semantic matcher, which may only raise. */
@NullMarked
package io.redial.receptionist.triage;

import org.jspecify.annotations.NullMarked;
