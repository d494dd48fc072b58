package io.redial.conversations.sandbox;

import io.redial.conversations.TextMessaging;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The carrier when no Twilio account is configured: a text is "delivered" at once. The ledger row is the
 * record the console's phone simulator shows, so nothing leaves the machine.
 */
@Component
@ConditionalOnExpression("'${twilio.account-sid:}' == ''")
class SandboxTextMessaging implements TextMessaging {

    private static final Logger log = LoggerFactory.getLogger(SandboxTextMessaging.class);

    @Override
    public SentText send(OutboundText text) {
        byte[] sid = new byte[16];
        ThreadLocalRandom.current().nextBytes(sid);
        log.info("sandbox carrier delivered a text to {}", text.to().masked());
        return new SentText("SM" + HexFormat.of().formatHex(sid), "delivered");
    }

    @Override
    public Optional<SentText> findSent(OutboundText text, Instant notBefore) {
        return Optional.empty(); // nothing leaves the process, so nothing can have been sent before a crash
    }
}
