package io.redial.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.app.bench.LeanTwilio;
import io.redial.app.bench.LeanWebhookPoster;
import io.redial.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, one truth: two JVMs of the packaged app, on their own ports, against one schema. Started at the same
 * moment, they migrate it once and provision it once; missed calls answered by either are texted once, some by
 * each node; and when one node is killed with SIGKILL in the middle of a burst, every call whose webhook it had
 * answered is still texted exactly once (by whichever node finishes it). Which node sent a text is told by the
 * name each was given for the one fake Twilio (a shared carrier log, as the real one is).
 */
class TwoNodesIT {

    private static final String ACCOUNT = "AC00000000000000000000000000000two";
    private static final String TOKEN = "two-nodes-token";
    private static final String LINE_A = "+15125553001", LINE_B = "+15125553002";

    @Test
    void twoNodesShareOneSchemaTextEachCallOnceAndFinishAKilledNodesCalls() throws Exception {
        var db = TestDatabase.server();
        String schema = TestDatabase.createSchema();
        Path work = Files.createTempDirectory(Path.of("target"), "redial-two-nodes");
        Path jar = Path.of(System.getProperty("redial.jar", "target/redial.jar"));
        try (LeanTwilio twilio = new LeanTwilio(ACCOUNT, TOKEN)) {
            Map<String, String> shared = new HashMap<>(Map.of(
                    "SPRING_DATASOURCE_URL", db.urlFor(schema), "SPRING_DATASOURCE_USERNAME", db.user(),
                    "SPRING_DATASOURCE_PASSWORD", db.password(), "TWILIO_ACCOUNT_SID", ACCOUNT,
                    "REDIAL_ENCRYPTION_KEY", "dHdvLW5vZGVzLXNoYXJlLW9uZS1rZXktMzItYnl0ZXM=",
                    "REDIAL_PROVISIONING_FILE", provisioning(work).toAbsolutePath().toString()));
            int portA = freePort(), portB = freePort();
            // Started at the same moment, on threads of their own (the common pool has one thread on two cores).
            var starters = Executors.newFixedThreadPool(2);
            var startA = CompletableFuture.supplyAsync(() -> start(jar, work.resolve("a"), portA, shared, twilio.baseUrl()),
                    starters);
            var startB = CompletableFuture.supplyAsync(() -> start(jar, work.resolve("b"), portB, shared,
                    twilio.baseUrlByAddress()), starters);
            starters.shutdown();
            try (RunningApp a = startA.join(); RunningApp b = startB.join()) {
                try {
                    String hostA = twilio.baseUrl().substring("http://".length());
                    String hostB = twilio.baseUrlByAddress().substring("http://".length());

                    // Migrated once and provisioned once, though both nodes started at the same moment.
                    assertThat(query(db, schema, "SELECT COUNT(*) - COUNT(DISTINCT version) FROM flyway_schema_history"))
                            .isZero();
                    assertThat(query(db, schema, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE")).isZero();
                    assertThat(query(db, schema, "SELECT COUNT(*) FROM phone_lines WHERE number IN ('" + LINE_A + "', '"
                            + LINE_B + "')")).isEqualTo(2);

                    // Calls spread over both nodes: each texted once, by both nodes between them.
                    var posters = List.of(new LeanWebhookPoster("localhost", portA, a.url(), TOKEN),
                            new LeanWebhookPoster("localhost", portB, b.url(), TOKEN));
                    List<Integer> spread = IntStream.range(0, 20).boxed().toList();
                    spread.forEach(call -> assertThat(missedCall(posters.get(call % 2), call)).isEqualTo(200));
                    awaitTexted(twilio, spread);
                    Map<String, List<LeanTwilio.Sent>> byCaller = textsByCaller(twilio);
                    assertThat(spread).allSatisfy(call -> assertThat(byCaller.get(caller(call))).hasSize(1));
                    assertThat(spread.stream().map(call -> byCaller.get(caller(call)).getFirst().host())
                            .collect(Collectors.toSet())).as("texts sent by both nodes").isEqualTo(Set.of(hostA, hostB));

                    // A burst at node A, killed with SIGKILL while it is still answering: whatever it accepted is texted.
                    ConcurrentLinkedQueue<Integer> accepted = new ConcurrentLinkedQueue<>();
                    List<Integer> burst = IntStream.range(100, 160).boxed().toList();
                    try (var senders = Executors.newFixedThreadPool(4)) {
                        burst.forEach(call -> senders.submit(() -> {
                            if (missedCall(posters.getFirst(), call) == 200) {
                                accepted.add(call);
                            }
                        }));
                        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 25);
                        a.kill();
                    }
                    List<Integer> acceptedCalls = List.copyOf(accepted);
                    awaitTexted(twilio, acceptedCalls);
                    Thread.sleep(3000); // a duplicate from a revived task would arrive by now
                    Map<String, List<LeanTwilio.Sent>> after = textsByCaller(twilio);
                    assertThat(acceptedCalls).allSatisfy(call -> assertThat(after.get(caller(call)))
                            .as("texts to the caller of call %d", call).hasSize(1));
                    System.out.printf("two nodes: node A killed after accepting %d of %d burst calls; node B texted %d of them%n",
                            acceptedCalls.size(), burst.size(), acceptedCalls.stream()
                                    .filter(call -> after.get(caller(call)).getFirst().host().equals(hostB)).count());
                } catch (Throwable failed) { // what each node said last, for whoever reads the build's log
                    System.out.printf("node A's last lines:%n%s%nnode B's last lines:%n%s%n", a.logTail(80), b.logTail(80));
                    throw failed;
                }
            }
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }

    private static RunningApp start(Path jar, Path dataDir, int port, Map<String, String> shared, String twilioUrl) {
        try {
            Files.createDirectories(dataDir);
            Map<String, String> env = new HashMap<>(shared);
            env.put("REDIAL_TWILIO_API_BASE_URL", twilioUrl);
            int management = freePort();
            env.put("MANAGEMENT_PORT", String.valueOf(management));
            RunningApp app = RunningApp.start(jar, dataDir, port, TOKEN, env);
            try {
                app.awaitReady(management, Duration.ofSeconds(300)); // traffic comes once it is warm, as behind a load balancer
            } catch (RuntimeException | InterruptedException notReady) {
                app.close();
                throw notReady;
            }
            return app;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A no-answer dial status for call {@code call}, on line A or B by its parity. */
    private static int missedCall(LeanWebhookPoster poster, int call) {
        try {
            return poster.postSigned("/twilio/voice/dial-status", Map.of("CallSid", "CA%032x".formatted(0x7770000L + call),
                    "AccountSid", ACCOUNT, "From", caller(call), "To", call % 2 == 0 ? LINE_A : LINE_B,
                    "CallStatus", "in-progress", "DialCallStatus", "no-answer", "DialCallDuration", "0",
                    "Direction", "inbound", "ApiVersion", "2010-04-01"));
        } catch (RuntimeException refused) { // the node is gone
            return 0;
        }
    }

    private static String caller(int call) {
        return "+1737555%04d".formatted(call);
    }

    private static void awaitTexted(LeanTwilio twilio, List<Integer> calls) {
        await().atMost(Duration.ofSeconds(90)).until(() -> textsByCaller(twilio).keySet()
                .containsAll(calls.stream().map(TwoNodesIT::caller).toList()));
    }

    private static Map<String, List<LeanTwilio.Sent>> textsByCaller(LeanTwilio twilio) {
        return twilio.sent().stream().collect(Collectors.groupingBy(LeanTwilio.Sent::to));
    }

    private static Path provisioning(Path work) throws IOException {
        return Files.writeString(work.resolve("tenants.yml"), """
                tenants:
                  - id: two-nodes-a
                    name: Two Nodes Plumbing
                    timezone: America/Chicago
                    sends_per_minute: 6000
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125554001"]
                  - id: two-nodes-b
                    name: Two Nodes Roofing
                    timezone: America/Chicago
                    sends_per_minute: 6000
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125554002"]
                """.formatted(LINE_A, LINE_B));
    }

    private static long query(TestDatabase.Server db, String schema, String sql) throws Exception {
        try (var c = DriverManager.getConnection(db.urlFor(schema), db.user(), db.password());
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
