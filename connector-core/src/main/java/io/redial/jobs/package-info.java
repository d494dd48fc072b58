/** db-scheduler, the one engine for durable work: configuration and lifecycle. */
@NullMarked
package io.redial.jobs;

import org.jspecify.annotations.NullMarked;
