package io.redial.conversations;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The send ledger's lease on an attempt ({@code sending_until_ms}): while a run hands a text to the carrier, no
 * other run sends it or asks the carrier's log about it. The lease is short ({@code redial.texts.send-lease}, 4 s)
 * and this node renews it four times per lease for every attempt still in flight, however long the carrier takes
 * (our Twilio transport allows 10 s to connect and 30.5 s to read): a live node keeps its texts, and a dead node's
 * lease runs out within seconds, after which the next run asks the carrier's log first. A node that cannot reach
 * the database for a whole lease while Twilio still works on its request is the one case left to that log.
 */
@Component
class SendLeases {

    private static final Logger log = LoggerFactory.getLogger(SendLeases.class);

    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;
    private final ScheduledExecutorService renewals;

    SendLeases(JdbcClient jdbc, Clock clock, @Value("${redial.texts.send-lease:PT4S}") Duration lease) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        long every = Math.max(100, lease.toMillis() / 4);
        this.renewals = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("send-lease").daemon().factory());
        renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** The end of a lease taken now. */
    Instant end() {
        return clock.instant().plus(lease);
    }

    /** Runs one attempt on text {@code messageId}, its lease renewed until the attempt returns. */
    <T> T holding(long messageId, Supplier<T> attempt) {
        inFlight.add(messageId);
        try {
            return attempt.get();
        } finally {
            inFlight.remove(messageId);
        }
    }

    private void renew() {
        List<Long> ids = List.copyOf(inFlight);
        if (ids.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("UPDATE messages SET sending_until_ms = ? WHERE send_state = 'SENDING' AND id IN ("
                    + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")
                    .params(java.util.stream.Stream.concat(java.util.stream.Stream.of(end().toEpochMilli()), ids.stream()).toList())
                    .update();
        } catch (RuntimeException e) {
            log.warn("send leases not renewed: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        renewals.shutdownNow();
    }
}
