/** Jobber's GraphQL API: the typed operations kept as .graphql resources, and its answers mapped onto core's outcomes. */
@NullMarked
package io.redial.crm.jobber.internal.client;

import org.jspecify.annotations.NullMarked;
