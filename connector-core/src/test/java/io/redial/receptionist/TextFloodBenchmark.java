package io.redial.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The flood harness (not part of the regular suite: its name does not end in Tests). One caller floods a line
 * with signed texts over real HTTP while other callers' calls to the same line are missed now and then; it
 * prints how long each missed call waited for its text-back, and what the flooder cost and got:
 * {@code ./mvnw -o -q -pl connector-core test -Dtest=TextFloodBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Size with {@code -Dbenchmark.flood-per-minute=600 -Dbenchmark.seconds=60 -Dbenchmark.call-every-seconds=3}.
 * The app runs with the packaged app's thread sizes (deploy's application.yml; the test database gives it 12
 * connections, half the packaged app's 24) and the offline receptionist, against the local database and a fake Twilio on loopback. It fails when a missed call's p99
 * exceeds 10 s, a text is sent twice, or the flooder got more than one answer per turn.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redial.llm.base-url=", "redial.jobs.threads=8", "redial.jobs.fast-lane-threads=8",
                "redial.webhooks.max-concurrent=4"})
@DirtiesContext
class TextFloodBenchmark {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "test-auth-token-0123456789abcdef";
    static final String LINE = "+15125550900";
    static final String FLOODER = "+15125550901";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN);
    /** Texts that keep Anna talking (none asks for a person, which would hand the conversation over). */
    static final List<String> FLOOD_TEXTS = List.of("hello?", "anyone there", "my kitchen sink is clogged", "hello???",
            "please answer");

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;

    @Test
    void missedCallsAreTextedPromptlyWhileOneCallerFloods() throws Exception {
        int perMinute = Integer.getInteger("benchmark.flood-per-minute", 600);
        int seconds = Integer.getInteger("benchmark.seconds", 60);
        int callEvery = Integer.getInteger("benchmark.call-every-seconds", 3);
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: flood-co
                    name: Flood Plumbing
                    timezone: America/Chicago
                    hours: {mon-sun: "00:00-23:59"}
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125550999"]
                """.formatted(LINE)));
        var webhooks = twilio.webhooks(port);

        ScheduledExecutorService pace = Executors.newScheduledThreadPool(4);
        var posts = Executors.newVirtualThreadPerTaskExecutor();
        AtomicInteger floodSent = new AtomicInteger();
        AtomicInteger floodRefused = new AtomicInteger();
        List<Long> floodAnswerMicros = new CopyOnWriteArrayList<>();
        Map<String, Long> calledAt = new ConcurrentHashMap<>();
        AtomicLong callsRefused = new AtomicLong();
        long periodMicros = 60_000_000L / perMinute;
        var flood = pace.scheduleAtFixedRate(() -> posts.execute(() -> {
            int n = floodSent.incrementAndGet();
            long t0 = System.nanoTime();
            var answer = webhooks.postSigned("/twilio/sms/incoming", Map.of("MessageSid", "SM%032x".formatted(n),
                    "AccountSid", ACCOUNT, "From", FLOODER, "To", LINE, "Body", FLOOD_TEXTS.get(n % FLOOD_TEXTS.size()) + " " + n));
            floodAnswerMicros.add((System.nanoTime() - t0) / 1000);
            if (answer.statusCode() != 200) {
                floodRefused.incrementAndGet();
                System.out.println("flood text " + n + " answered " + answer.statusCode() + ": " + answer.body());
            }
        }), 0, periodMicros, TimeUnit.MICROSECONDS);
        AtomicInteger calls = new AtomicInteger();
        var missed = pace.scheduleAtFixedRate(() -> posts.execute(() -> {
            int n = calls.incrementAndGet();
            String caller = "+1737555%04d".formatted(n);
            calledAt.put(caller, System.nanoTime());
            var answer = webhooks.postSigned("/twilio/voice/dial-status", dialStatus("CA%032x".formatted(n), caller));
            if (answer.statusCode() != 200) {
                callsRefused.incrementAndGet();
            }
        }), callEvery, callEvery, TimeUnit.SECONDS);

        Thread.sleep(Duration.ofSeconds(seconds));
        flood.cancel(false);
        missed.cancel(false);
        pace.shutdown();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && textedCallers() < calledAt.size()) {
            Thread.sleep(200);
        }
        Thread.sleep(2_000); // a late duplicate shows up now, not never

        List<Long> waits = new ArrayList<>();
        int duplicates = 0;
        for (var call : calledAt.entrySet()) {
            var texts = twilio.sent().stream().filter(m -> m.to().equals(call.getKey())).toList();
            duplicates += Math.max(0, texts.size() - 1);
            texts.stream().findFirst().ifPresent(t -> waits.add((t.receivedNanos() - call.getValue()) / 1_000_000));
        }
        long floodTurns = count("""
                SELECT COUNT(*) FROM receptionist_turns t JOIN messages m ON m.id = t.message_id
                WHERE m.from_number = ? AND t.action IS NOT NULL AND t.action <> 'COALESCED'""", FLOODER);
        long floodCoalesced = count("""
                SELECT COUNT(*) FROM receptionist_turns t JOIN messages m ON m.id = t.message_id
                WHERE m.from_number = ? AND t.action = 'COALESCED'""", FLOODER);
        long floodWaiting = count("""
                SELECT COUNT(*) FROM receptionist_turns t JOIN messages m ON m.id = t.message_id
                WHERE m.from_number = ? AND t.processed_at IS NULL""", FLOODER);
        long answers = count("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND to_number = ?", FLOODER);
        long conversations = count("""
                SELECT COUNT(*) FROM conversations v JOIN callers r ON r.id = v.caller_id WHERE r.phone = ?""", FLOODER);
        int failedTasks = jdbc.sql("SELECT COALESCE(MAX(consecutive_failures), 0) FROM scheduled_tasks WHERE task_name = 'receptionist-turn'")
                .query(Integer.class).single();
        Collections.sort(waits);
        Collections.sort(floodAnswerMicros);

        System.out.printf("""
                flood: %d texts from one caller in %d s (%d/min), %d refused; webhook p50 / p99 %.1f / %.1f ms
                flooder: %d conversation(s), %d turns, %d answers (%.2f per turn), %d texts answered within a later text's turn, %d still waiting; turn tasks failing now: %d
                missed calls during the flood: %d, texted %d, refused %d, duplicates %d
                call -> text ms: p50 %d, p99 %d, max %d
                """, floodSent.get(), seconds, perMinute, floodRefused.get(), pct(floodAnswerMicros, 50) / 1000.0,
                pct(floodAnswerMicros, 99) / 1000.0, conversations, floodTurns, answers, floodTurns == 0 ? 0.0 : (double) answers / floodTurns,
                floodCoalesced, floodWaiting, failedTasks, calledAt.size(), waits.size(), callsRefused.get(), duplicates,
                pct(waits, 50), pct(waits, 99), waits.isEmpty() ? -1 : waits.getLast());

        assertThat(waits).hasSize(calledAt.size());
        assertThat(duplicates).isZero();
        assertThat(pct(waits, 99)).isLessThanOrEqualTo(10_000L);
        assertThat(answers).isLessThanOrEqualTo(floodTurns);
        assertThat(floodRefused.get()).isZero();
        assertThat(conversations).isOne();
    }

    private long textedCallers() {
        return twilio.sent().stream().map(FakeTwilio.Sent::to).filter(to -> to.startsWith("+1737555")).distinct().count();
    }

    private long count(String sql, String number) {
        return jdbc.sql(sql).param(number).query(Long.class).single();
    }

    /** The nearest-rank percentile of sorted figures. */
    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static Map<String, String> dialStatus(String callSid, String from) {
        Map<String, String> form = new HashMap<>();
        form.put("CallSid", callSid);
        form.put("AccountSid", ACCOUNT);
        form.put("From", from);
        form.put("To", LINE);
        form.put("CallStatus", "in-progress");
        form.put("Direction", "inbound");
        form.put("DialCallStatus", "no-answer");
        form.put("DialCallDuration", "0");
        return form;
    }
}
