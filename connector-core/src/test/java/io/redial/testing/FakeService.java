package io.redial.testing;

import java.util.Map;

/**
 * A fake of one outside service (Twilio, a CRM, the LLM) on loopback. A Spring test class that holds one in a
 * static field gets its app pointed at it and the fake stopped after the class, by {@link FakeServices}: the
 * class only declares {@code static final FakeTwilio twilio = new FakeTwilio(...)}.
 */
public interface FakeService extends AutoCloseable {

    /** The app's settings that point it at this fake (base URLs, credentials the fake checks). */
    Map<String, String> appProperties();

    @Override
    void close();
}
