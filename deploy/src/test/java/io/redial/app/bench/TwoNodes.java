package io.redial.app.bench;

import static io.redial.app.bench.TextBackLoadHarness.MEASURED;
import static io.redial.app.bench.TextBackLoadHarness.WARM_UP;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The harness's two-node mode ({@code --nodes 2}): two app processes on one schema behind a balancer that sends
 * call {@code n} to node {@code n % 2}, and to the other node while that one is down (a webhook that got no
 * answer is retried there, as Twilio retries through the Service). With {@code --kill-at S}, a burst of
 * 2 × rate calls (at least 20) goes to node A at second S, and A is killed with SIGKILL once half of them were
 * answered, and stays dead: every call whose webhook A answered must still be texted once, by B. With {@code --rolling-at S}, both nodes are restarted one after the other from second S,
 * each with SIGTERM (graceful) and started again. Prints calls, lost, duplicated, the time from the kill to the
 * text of each of A's calls not texted by then (worst and p99), and the webhook answer times on the living node.
 */
final class TwoNodes {

    private final TextBackLoadHarness.Options o;
    private final String schema;
    private final Path work;
    private final LeanTwilio twilio;
    private final Node[] nodes = new Node[2];

    TwoNodes(TextBackLoadHarness.Options o, String schema, Path work, LeanTwilio twilio) {
        this.o = o;
        this.schema = schema;
        this.work = work;
        this.twilio = twilio;
    }

    /** One app process, under the name it was given for Twilio, and whether the balancer sends it calls. */
    static final class Node {
        final String name;
        final Map<String, String> env;
        final LeanWebhookPoster webhooks;
        volatile TextBackLoadHarness.AppProcess process;
        volatile boolean up;

        Node(String name, Map<String, String> env, int port) {
            this.name = name;
            this.env = env;
            this.webhooks = new LeanWebhookPoster("localhost", port, "http://localhost:" + port, TextBackLoadHarness.TOKEN);
        }
    }

    record Result(int calls, int lost, long duplicates, int deadNodeCallsPending, List<Long> killToTextMillis,
            List<Long> livingWebhookMicros, List<Long> livingWebhookAfterKillMicros, List<Long> callToTextMillis,
            List<Long> allWebhookMicros, List<Long> stayedUpWebhookMicros, int retried, double loadAverage) {

        void print(TextBackLoadHarness.Options o) {
            var p = (java.util.function.BiFunction<List<Long>, Integer, Long>) TextBackLoadHarness.Result::pct;
            System.out.printf("%nTwo nodes: %d missed calls at %d/s for %d s over %d tenants%s (load average %.2f)%n",
                    calls, o.rate(), o.seconds(), o.tenants(), o.killAtSecond() >= 0
                            ? ", node A killed with SIGKILL at " + o.killAtSecond() + " s" : "", loadAverage);
            System.out.printf("calls %d, lost %d, duplicated %d, webhooks retried on a live node %d%n", calls, lost,
                    duplicates, retried);
            if (o.killAtSecond() >= 0) {
                System.out.printf("calls fired before the kill and not yet texted: %d; kill to text  worst %d ms  p99 %d ms%n",
                        deadNodeCallsPending, p.apply(killToTextMillis, 100), p.apply(killToTextMillis, 99));
                System.out.printf("webhook on the living node after the kill  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                        p.apply(livingWebhookAfterKillMicros, 50) / 1000.0, p.apply(livingWebhookAfterKillMicros, 99) / 1000.0,
                        p.apply(livingWebhookAfterKillMicros, 100) / 1000.0);
            }
            System.out.printf("webhook on node B, whole run  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    p.apply(livingWebhookMicros, 50) / 1000.0, p.apply(livingWebhookMicros, 99) / 1000.0,
                    p.apply(livingWebhookMicros, 100) / 1000.0);
            if (o.rollingAtSecond() >= 0) {
                System.out.printf("webhook on the node that stayed up while the other restarted (SIGTERM to ready)"
                        + "  p50 %.1f ms  p99 %.1f ms  max %.1f ms  (%d calls)%n", p.apply(stayedUpWebhookMicros, 50) / 1000.0,
                        p.apply(stayedUpWebhookMicros, 99) / 1000.0, p.apply(stayedUpWebhookMicros, 100) / 1000.0,
                        stayedUpWebhookMicros.size());
                System.out.printf("webhook on whichever node was up, whole run  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                        p.apply(allWebhookMicros, 50) / 1000.0, p.apply(allWebhookMicros, 99) / 1000.0,
                        p.apply(allWebhookMicros, 100) / 1000.0);
            }
            System.out.printf("call to text  p50 %d ms  p99 %d ms  max %d ms%n", p.apply(callToTextMillis, 50),
                    p.apply(callToTextMillis, 99), p.apply(callToTextMillis, 100));
        }
    }

    Result run() throws Exception {
        Path provisioning = TextBackLoadHarness.writeProvisioning(work, o.tenants());
        String[] twilioUrls = {twilio.baseUrl(), twilio.baseUrlByAddress()};
        for (int i = 0; i < 2; i++) {
            int port = TextBackLoadHarness.freePort();
            Map<String, String> env = new HashMap<>(Map.of(
                    "SPRING_DATASOURCE_URL", o.dbUrl() + schema, "SPRING_DATASOURCE_USERNAME", o.dbUser(),
                    "SPRING_DATASOURCE_PASSWORD", o.dbPassword(), "TWILIO_ACCOUNT_SID", TextBackLoadHarness.ACCOUNT,
                    "TWILIO_AUTH_TOKEN", TextBackLoadHarness.TOKEN, "REDIAL_TWILIO_API_BASE_URL", twilioUrls[i],
                    "REDIAL_PUBLIC_BASE_URL", "http://localhost:" + port,
                    "REDIAL_PROVISIONING_FILE", provisioning.toAbsolutePath().toString(), "PORT", String.valueOf(port),
                    "MANAGEMENT_PORT", String.valueOf(TextBackLoadHarness.freePort())));
            env.put("REDIAL_ENCRYPTION_KEY", "bG9hZC1oYXJuZXNzLXR3by1ub2Rlcy1rZXktMzItYnk=");
            nodes[i] = new Node(i == 0 ? "A" : "B", env, port);
        }
        // Both at once: migrations and provisioning must be applied once however the nodes race.
        var starts = List.of(CompletableFuture.runAsync(() -> start(nodes[0], "a")),
                CompletableFuture.runAsync(() -> start(nodes[1], "b")));
        try {
            starts.forEach(CompletableFuture::join);
            return fire();
        } finally {
            for (Node node : nodes) { // before the schema is dropped under them
                if (node.process != null) {
                    node.process.kill();
                }
            }
        }
    }

    private void start(Node node, String log) {
        try {
            // --pin-cpus 0,1: node A on CPU 0, node B on CPU 1, as on two hosts; the database and the harness share all.
            String cpus = o.pinCpus().isEmpty() ? null : o.pinCpus().get(node.name.equals("A") ? 0 : 1 % o.pinCpus().size());
            node.process = TextBackLoadHarness.AppProcess.start(o, node.env, work.resolve("app-" + log + ".log"), cpus);
            node.up = true;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Result fire() throws Exception {
        int warmUpCalls = warmUp();
        if (warmUpCalls > 0) {
            TextBackLoadHarness.awaitNoTextWork(o, schema);
        }
        int paced = o.rate() * o.seconds();
        // With --kill-at, a burst of calls goes to node A at the kill's second, and A dies once half of them were
        // answered: the kill then always finds A with calls accepted and not yet texted.
        int burst = o.killAtSecond() >= 0 ? Math.max(20, 2 * o.rate()) : 0;
        int total = paced + burst;
        long[] firedAt = new long[total];
        long[] answeredMicros = new long[total];
        int[] acceptedBy = new int[total];
        java.util.Arrays.fill(acceptedBy, -1);
        long[] killedAt = {0};
        ConcurrentLinkedQueue<Integer> failed = new ConcurrentLinkedQueue<>();
        TextBackLoadHarness.paced(paced, i -> i * 1_000_000_000L / o.rate(), (senders, call) -> {
            if (o.killAtSecond() >= 0 && call == o.killAtSecond() * o.rate()) {
                senders.submit(() -> {
                    java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
                    for (int b = paced; b < total; b++) {
                        int burstCall = b;
                        firedAt[burstCall] = System.nanoTime();
                        Thread.ofVirtual().start(() -> {
                            long micros = TextBackLoadHarness.post(nodes[0].webhooks, o, burstCall, MEASURED, new ConcurrentLinkedQueue<>());
                            if (micros > 0) {
                                answeredMicros[burstCall] = micros;
                                acceptedBy[burstCall] = 0;
                                answered.incrementAndGet();
                            } else {
                                post(burstCall, firedAt, answeredMicros, acceptedBy, failed);
                            }
                        });
                    }
                    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (answered.get() < burst / 2 && System.nanoTime() < giveUp) {
                        Thread.sleep(5);
                    }
                    killedAt[0] = System.nanoTime();
                    nodes[0].up = false;
                    nodes[0].process.kill();
                    System.out.printf("harness: kill -9 node A at second %d, %d of a %d-call burst to it answered%n",
                            o.killAtSecond(), answered.get(), burst);
                    return null;
                });
            }
            if (o.rollingAtSecond() >= 0 && call == o.rollingAtSecond() * o.rate()) {
                Thread.ofPlatform().start(this::rollingRestart);
            }
            firedAt[call] = System.nanoTime();
            senders.submit(() -> post(call, firedAt, answeredMicros, acceptedBy, failed));
        });
        Thread.sleep(6000); // the burst's last posts
        int retried = retriedAtOnce.get();
        while (!failed.isEmpty()) { // Twilio retries a webhook that got no answer; the Service sends it to a live node
            List<Integer> retry = new ArrayList<>(failed);
            failed.clear();
            retried += retry.size();
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                retry.forEach(call -> senders.submit(() -> post(call, firedAt, answeredMicros, acceptedBy, failed)));
            }
            if (!failed.isEmpty()) {
                Thread.sleep(500);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (TextBackLoadHarness.distinctRecipients(twilio, MEASURED) < total && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        Thread.sleep(5000); // a late duplicate (a revived task) would arrive by now
        return result(total, firedAt, answeredMicros, acceptedBy, killedAt[0], retried);
    }

    /**
     * Posts call {@code call} to its node, or the other one while its node is down; a post that gets no answer is
     * sent again at once to whichever node is up (Twilio's retry, through the Service). Records who answered.
     */
    private Void post(int call, long[] firedAt, long[] answeredMicros, int[] acceptedBy, ConcurrentLinkedQueue<Integer> failed) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int target = nodes[call % 2].up ? call % 2 : 1 - call % 2;
            ConcurrentLinkedQueue<Integer> notAnswered = new ConcurrentLinkedQueue<>();
            long micros = TextBackLoadHarness.post(nodes[target].webhooks, o, call, MEASURED, notAnswered);
            if (micros > 0) {
                answeredMicros[call] = micros;
                acceptedBy[call] = target;
                return null;
            }
            if (attempt == 0) {
                retriedAtOnce.incrementAndGet();
            }
        }
        failed.add(call);
        return null;
    }

    private final java.util.concurrent.atomic.AtomicInteger retriedAtOnce = new java.util.concurrent.atomic.AtomicInteger();

    /** Per restart: from its SIGTERM until it was ready again, and the node that took every call meanwhile. */
    record Restart(long from, long to, int stayedUp) {
    }

    private final List<Restart> restarts = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Each node in turn: out of the balancer, SIGTERM (its webhooks go to the other meanwhile), wait for it to exit,
     * start it again and put it back once its readiness reports UP.
     */
    private void rollingRestart() {
        try {
            for (int i = 0; i < 2; i++) {
                Node node = nodes[i];
                node.up = false;
                long t0 = System.nanoTime();
                node.process.stop();
                long stopped = System.nanoTime();
                start(node, node.name.toLowerCase() + "-restarted");
                restarts.add(new Restart(t0, System.nanoTime(), 1 - i));
                System.out.printf("harness: node %s stopped gracefully in %.1f s, up again %.1f s later%n", node.name,
                        (stopped - t0) / 1e9, (System.nanoTime() - stopped) / 1e9);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int warmUp() throws InterruptedException {
        int calls = o.warmupSeconds() * o.warmupRate();
        if (calls <= 0) {
            return 0;
        }
        ConcurrentLinkedQueue<Integer> failed = new ConcurrentLinkedQueue<>();
        TextBackLoadHarness.paced(calls, i -> i * 1_000_000_000L / o.warmupRate(), (senders, call) -> senders.submit(
                () -> TextBackLoadHarness.post(nodes[call % 2].webhooks, o, call, WARM_UP, failed)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (TextBackLoadHarness.distinctRecipients(twilio, WARM_UP) < calls - failed.size() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        System.out.printf("warm-up: %d missed calls at %d/s over both nodes, not counted%n", calls, o.warmupRate());
        return calls;
    }

    private Result result(int total, long[] firedAt, long[] answeredMicros, int[] acceptedBy, long killedAt, int retried)
            throws Exception {
        Map<String, List<LeanTwilio.Sent>> byCaller = twilio.sent().stream().filter(s -> s.to().startsWith(MEASURED))
                .collect(Collectors.groupingBy(LeanTwilio.Sent::to));
        int lost = 0, pending = 0;
        List<Long> killToText = new ArrayList<>(), living = new ArrayList<>(), livingAfterKill = new ArrayList<>(),
                callToText = new ArrayList<>(), all = new ArrayList<>(), stayedUp = new ArrayList<>();
        for (int call = 0; call < total; call++) {
            List<LeanTwilio.Sent> texts = byCaller.get(TextBackLoadHarness.callerNumber(MEASURED, call));
            if (texts == null) {
                lost++;
                continue;
            }
            long first = texts.stream().mapToLong(LeanTwilio.Sent::receivedNanos).min().orElseThrow();
            callToText.add((first - firedAt[call]) / 1_000_000);
            // Every call fired before the kill and texted after it: answered by A, or in flight at A when it died.
            if (killedAt > 0 && firedAt[call] < killedAt && first > killedAt) {
                pending++;
                killToText.add((first - killedAt) / 1_000_000);
            }
            if (answeredMicros[call] > 0) {
                all.add(answeredMicros[call]);
                int by = acceptedBy[call];
                long at = firedAt[call];
                if (restarts.stream().anyMatch(r -> r.stayedUp() == by && at >= r.from() && at <= r.to())) {
                    stayedUp.add(answeredMicros[call]);
                }
            }
            if (acceptedBy[call] == 1) {
                living.add(answeredMicros[call]);
                if (killedAt > 0 && firedAt[call] >= killedAt) {
                    livingAfterKill.add(answeredMicros[call]);
                }
            }
        }
        long duplicates = byCaller.values().stream().mapToLong(t -> t.size() - 1).sum();
        double load = Double.parseDouble(java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        return new Result(total, lost, duplicates, pending, killToText, living, livingAfterKill, callToText, all, stayedUp,
                retried, load);
    }
}
