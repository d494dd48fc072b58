/**
 * Test support shared through core's test-jar: the test database, signed webhooks, the Twilio fake, and
 * {@link io.redial.testing.FakeServices}, which points a test's app at the fakes it holds and stops them after it.
 */
package io.redial.testing;
