/** Test support shared through core's test-jar: the test database, signed webhooks, a Twilio fake. */
package io.redial.testing;
