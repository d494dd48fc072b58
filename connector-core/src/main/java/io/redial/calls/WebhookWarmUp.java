package io.redial.calls;

import io.redial.shared.PhoneNumber;
import io.redial.simulator.LoopbackWebhooks;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warms the missed-call webhook's path before the node reports ready. A fresh JVM runs its first few thousand
 * webhooks interpreted and compiles them on the cores that serve them: at 100 calls/s that was seconds-long
 * answers in a node's first minute. Runners run after the web server listens and before Spring Boot marks the
 * node ready, so this exercises the real path and only then lets the readiness probe (and the load balancer)
 * send Twilio's traffic here.
 *
 * <p>Each round posts a signed screening callback to this node over loopback (Tomcat, the webhook gate, form
 * parsing, the signature check, TwiML; it stores nothing), then records a no-answer dial result on the first
 * line from a warm-up caller and decides it, with the text-back scheduled, and rehearses what follows (each
 * {@link WarmUpRehearsal}: the text-back's decision, up to the send ledger), in a transaction that is rolled back:
 * nothing is kept, no text goes (the hand-off to the fast lane happens only on commit). After it, the text is
 * handed to a carrier sink on loopback (twilio-java's send). Without a line, only the HTTP half runs. The
 * warm-up's requests show in {@code http_server_requests{uri="/twilio/voice/screen"}}.
 *
 * <p>{@code redial.warm-up.exit-when-done} ends the process after the warm-up: the image's AOT-cache training run
 * (deploy/Dockerfile) uses it, so the cache holds the classes and method profiles of the webhook path too.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // after provisioning: it needs the lines
class WebhookWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WebhookWarmUp.class);
    /** CallSids of the warm-up: Twilio's shape, a prefix no carrier issues in practice. */
    private static final String SID_PREFIX = "CA000000000000000077a3";
    /**
     * This node's own CallSids and caller numbers: nodes started together (a rolling restart, a scale-out) then
     * rehearse on different rows, instead of waiting on each other's uncommitted ones.
     */
    private static final int NODE = new SecureRandom().nextInt();
    private static final int NODE_EXCHANGE = 200 + Math.floorMod(NODE, 800);

    private final LoopbackWebhooks webhooks;
    private final CallIntake intake;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final int calls;
    private final Duration maxTime;
    private final int concurrency;
    private final boolean exitWhenDone;
    private final ApplicationContext context;
    private final List<WarmUpRehearsal> rehearsals;
    /**
     * The rounds' transactions run one at a time: rehearsed together they hold the rows the decision shares (the
     * line's pace, the tenant's) long enough to deadlock each other; one at a time they wait only briefly, as do
     * other nodes' real calls on that line.
     */
    private final ReentrantLock oneTransactionAtATime = new ReentrantLock();

    WebhookWarmUp(LoopbackWebhooks webhooks, CallIntake intake, TransactionTemplate transactions, JdbcClient jdbc,
            @Value("${redial.warm-up.calls:0}") int calls,
            @Value("${redial.warm-up.max-time:PT60S}") Duration maxTime,
            @Value("${redial.warm-up.sandbox-max-time:PT10S}") Duration sandboxMaxTime,
            @Value("${twilio.account-sid:}") String twilioAccount, // none: the sandbox carrier
            @Value("${redial.webhooks.max-concurrent:8}") int concurrency,
            @Value("${redial.warm-up.exit-when-done:false}") boolean exitWhenDone, ApplicationContext context,
            List<WarmUpRehearsal> rehearsals) {
        this.webhooks = webhooks;
        this.intake = intake;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.calls = calls;
        // A sandbox serves one person trying Redial, not a load balancer's traffic: their console should not wait.
        this.maxTime = twilioAccount.isBlank() && sandboxMaxTime.compareTo(maxTime) < 0 ? sandboxMaxTime : maxTime;
        this.concurrency = Math.max(1, concurrency);
        this.exitWhenDone = exitWhenDone;
        this.context = context;
        this.rehearsals = rehearsals;
    }

    /** What a warm-up did, for its log line and tests. */
    record Outcome(int rounds, int failed, Duration took) {
    }

    private volatile Outcome last = new Outcome(0, 0, Duration.ZERO);

    Outcome last() {
        return last;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (calls > 0) {
            warmUp();
        }
        if (exitWhenDone) {
            System.exit(SpringApplication.exit(context));
        }
    }

    private void warmUp() throws InterruptedException {
        Optional<PhoneNumber> line = jdbc.sql("SELECT number FROM phone_lines ORDER BY id LIMIT 1")
                .query(String.class).optional().map(PhoneNumber::new);
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        AtomicInteger next = new AtomicInteger(), done = new AtomicInteger(), failed = new AtomicInteger();
        AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().name("warm-up-", 1).factory())) {
            for (int w = 0; w < concurrency; w++) {
                workers.execute(() -> {
                    for (int i = next.getAndIncrement(); i < calls && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                        try {
                            round(i, line);
                            done.incrementAndGet();
                        } catch (RuntimeException e) { // a warm-up never stops a node from starting
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e);
                        }
                    }
                });
            }
        }
        rehearsals.forEach(WarmUpRehearsal::warmUpDone);
        last = new Outcome(done.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start));
        log.info("warmed up the webhook path before taking traffic: {} rounds{} in {} ms", done.get(),
                line.isPresent() ? " (HTTP, and the call recorded and rolled back)" : " (HTTP only: no line yet)",
                last.took().toMillis());
        if (firstFailure.get() != null) {
            log.warn("{} warm-up rounds failed; the first: {}", failed.get(), firstFailure.get().toString());
        }
    }

    private void round(int i, Optional<PhoneNumber> line) {
        String sid = SID_PREFIX + "%08x%04x".formatted(NODE, i & 0xffff);
        var answer = webhooks.post("/twilio/voice/screen", Map.of("CallSid", sid, "ParentCallSid", sid));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the screening webhook answered " + answer.statusCode());
        }
        if (line.isEmpty()) {
            return;
        }
        PhoneNumber number = line.get();
        PhoneNumber caller = new PhoneNumber("+1500%03d%04d".formatted(NODE_EXCHANGE, i % 10_000));
        oneTransactionAtATime.lock();
        try {
            rehearseCall(sid, caller, number);
        } finally {
            oneTransactionAtATime.unlock();
        }
        rehearsals.forEach(r -> r.rehearseAfterRollback(number, caller)); // concurrently, as real sends go
    }

    private void rehearseCall(String sid, PhoneNumber caller, PhoneNumber number) {
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            var call = new CarrierCall(sid, caller, number, null, null);
            intake.dialFinished(call, "no-answer", 0, null);
            // What follows the decision (the text-back's own decision), in the same transaction: rolled back too.
            jdbc.sql("SELECT id FROM calls WHERE call_sid = ?").param(sid).query(Long.class).optional()
                    .ifPresent(callId -> rehearsals.forEach(r -> r.rehearse(callId)));
        });
    }
}
