/**
 * Line readiness: whether each line may text US phones (an approved A2P 10DLC campaign and brand for a local
 * number, an approved toll-free verification for a toll-free one), what the owner does next, a recurring
 * re-check that tells the admin when a state changes, and each line's delivery rate.
 */
@NullMarked
package io.redial.lines;

import org.jspecify.annotations.NullMarked;
