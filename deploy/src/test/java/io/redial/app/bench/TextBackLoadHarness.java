package io.redial.app.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The text-back load harness (README, "Load harness"). Starts the packaged app against a fresh schema and a
 * fake Twilio on loopback, fires signed no-answer dial-status webhooks for many tenants at a fixed rate,
 * optionally kills the app with SIGKILL mid-run and restarts it (webhooks that failed meanwhile are
 * retried, as Twilio would), waits for the texts, and prints webhook answer times, missed-call-to-send
 * times, texts sent, duplicates and losses. Exits 1 when any text was duplicated or lost.
 *
 * <p>A fresh JVM spends its first minutes compiling its hot code on the same two cores it serves from: with one
 * C2 compiler thread on two cores, the per-call methods got their C2 code only some 15,000–20,000 calls in. So
 * a warm-up of missed calls from other numbers runs first and is not counted: by default 180 s at the measured
 * rate ({@code --warmup-seconds}, {@code --warmup-rate}). A cold app falls far behind, so the harness waits for
 * the warm-up's texts; then a lead-in at the measured rate ({@code --lead-in-seconds}, 30 by default, not
 * counted either) runs straight into the measured calls, as under sustained load: the first seconds after the
 * pause are slow, and with a 10 s lead-in their backlog sometimes still showed in the measured minute.
 * {@code --warmup-seconds 0 --lead-in-seconds 0} measures a cold app.
 */
public final class TextBackLoadHarness {

    static final String ACCOUNT = "AC00000000000000000000000000bench";
    static final String TOKEN = "load-harness-token";

    record Options(int rate, int seconds, int tenants, int killAtSecond, int warmupSeconds, int warmupRate,
            int leadInSeconds, String dbUrl, String dbUser, String dbPassword, Path jar, Path jvmOptions, int nodes,
            int rollingAtSecond, Path aotCache, int burstAfterStart, List<String> pinCpus) {
        static Options parse(String[] args) {
            Map<String, String> a = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            String rate = a.getOrDefault("rate", "200");
            return new Options(Integer.parseInt(rate),
                    Integer.parseInt(a.getOrDefault("seconds", "60")), Integer.parseInt(a.getOrDefault("tenants", "50")),
                    Integer.parseInt(a.getOrDefault("kill-at", "-1")),
                    Integer.parseInt(a.getOrDefault("warmup-seconds", "180")), Integer.parseInt(a.getOrDefault("warmup-rate", rate)),
                    Integer.parseInt(a.getOrDefault("lead-in-seconds", "30")),
                    a.getOrDefault("db-url", "jdbc:mysql://127.0.0.1:3306/"), a.getOrDefault("db-user", "root"),
                    a.getOrDefault("db-password", ""), Path.of(a.getOrDefault("jar", "deploy/target/redial.jar")),
                    Path.of(a.getOrDefault("jvm-options", "deploy/jvm.options")),
                    Integer.parseInt(a.getOrDefault("nodes", "1")), Integer.parseInt(a.getOrDefault("rolling-at", "-1")),
                    a.containsKey("aot-cache") ? Path.of(a.get("aot-cache")) : null,
                    Integer.parseInt(a.getOrDefault("burst-after-start", "0")),
                    a.containsKey("pin-cpus") ? List.of(a.get("pin-cpus").split(",")) : List.of());
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        String schema = "redial_bench_" + System.currentTimeMillis();
        sql(o, "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        Path work = Files.createDirectories(Path.of("target", "load-harness"));
        Result result;
        if (o.nodes() == 2) {
            TwoNodes.Result twoNodes;
            try (LeanTwilio twilio = new LeanTwilio(ACCOUNT, TOKEN)) {
                twoNodes = new TwoNodes(o, schema, work, twilio).run();
            } finally {
                sql(o, "DROP DATABASE IF EXISTS " + schema);
            }
            twoNodes.print(o);
            System.exit(twoNodes.duplicates() == 0 && twoNodes.lost() == 0 ? 0 : 1);
        }
        try (LeanTwilio twilio = new LeanTwilio(ACCOUNT, TOKEN)) {
            int port = freePort();
            Path provisioning = writeProvisioning(work, o.tenants());
            Map<String, String> env = Map.of(
                    "SPRING_DATASOURCE_URL", o.dbUrl() + schema, "SPRING_DATASOURCE_USERNAME", o.dbUser(),
                    "SPRING_DATASOURCE_PASSWORD", o.dbPassword(), "TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_AUTH_TOKEN", TOKEN,
                    "REDIAL_TWILIO_API_BASE_URL", twilio.baseUrl(), "REDIAL_PUBLIC_BASE_URL", "http://localhost:" + port,
                    "REDIAL_PROVISIONING_FILE", provisioning.toAbsolutePath().toString(), "PORT", String.valueOf(port),
                    "MANAGEMENT_PORT", String.valueOf(freePort()));
            // The app running now: a kill-at run replaces the first with the restarted one.
            AppProcess[] app = {AppProcess.start(o, env, work.resolve("app.log"))};
            try {
                if (o.burstAfterStart() > 0) {
                    var burst = new BurstAfterStart(o, new LeanWebhookPoster("localhost", port, "http://localhost:" + port, TOKEN),
                            twilio).run();
                    app[0].kill();
                    sql(o, "DROP DATABASE IF EXISTS " + schema);
                    burst.print();
                    System.exit(burst.duplicates() == 0 && burst.lost() == 0 ? 0 : 1);
                }
                result = fire(o, app, env, port, work, twilio, schema);
            } finally {
                app[0].kill();
            }
        } finally {
            sql(o, "DROP DATABASE IF EXISTS " + schema);
        }
        result.print(o);
        System.exit(result.duplicates() == 0 && result.losses() == 0 ? 0 : 1);
    }

    private static Result fire(Options o, AppProcess[] app, Map<String, String> env, int port, Path work,
            LeanTwilio twilio, String schema) throws Exception {
        var webhooks = new LeanWebhookPoster("localhost", port, "http://localhost:" + port, TOKEN);
        int warmUpCalls = warmUp(o, webhooks, twilio);
        if (warmUpCalls > 0) {
            awaitNoTextWork(o, schema);
        }
        int leadIn = o.leadInSeconds() * o.rate();
        int total = o.rate() * o.seconds();
        long[] firedAt = new long[total];
        long[] answeredMicros = new long[total]; // 0: not answered at once
        ConcurrentLinkedQueue<Integer> failed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> leadInFailed = new ConcurrentLinkedQueue<>();
        // The lead-in runs straight into the measured calls at the same rate, as under sustained load.
        paced(leadIn + total, i -> i * 1_000_000_000L / o.rate(), (senders, i) -> {
            if (i < leadIn) {
                senders.submit(() -> post(webhooks, o, warmUpCalls + i, WARM_UP, leadInFailed));
                return;
            }
            int call = i - leadIn;
            if (call == 0) {
                System.out.printf("measuring from here, after a %d s lead-in at %d/s%n", o.leadInSeconds(), o.rate());
            }
            if (o.killAtSecond() >= 0 && call == o.killAtSecond() * o.rate()) {
                senders.submit(() -> restart(app, o, env, work));
            }
            firedAt[call] = System.nanoTime();
            senders.submit(() -> {
                answeredMicros[call] = post(webhooks, o, call, MEASURED, failed);
            });
        });
        if (!leadInFailed.isEmpty()) { // not counted, not retried: only said, as a sign the app was struggling
            System.out.printf("lead-in: %d webhooks got no answer%n", leadInFailed.size());
        }
        AtomicInteger retried = new AtomicInteger();
        while (!failed.isEmpty()) { // Twilio retries a webhook that got no answer; so do we, once the app is back
            app[0].awaitUp();
            List<Integer> retry = new ArrayList<>(failed);
            failed.clear();
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                retry.forEach(call -> senders.submit(() -> {
                    if (post(webhooks, o, call, MEASURED, failed) > 0) {
                        retried.incrementAndGet();
                    }
                }));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (distinctRecipients(twilio, MEASURED) < total && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Thread.sleep(3000); // a late duplicate would arrive now
        Result result = Result.of(total, firedAt, answeredMicros, retried.get(), twilio.sent());
        writeTimeline(work.resolve("timeline.csv"), o.rate(), firedAt, answeredMicros, result.firstSendNanos());
        return result;
    }

    /**
     * Missed calls from the warm-up's own numbers, at the warm-up rate, until all of them got their text (a cold
     * app falls far behind at first); the number of calls it made.
     */
    static int warmUp(Options o, LeanWebhookPoster webhooks, LeanTwilio twilio) throws InterruptedException {
        int calls = o.warmupSeconds() * o.warmupRate();
        if (calls <= 0) {
            return 0;
        }
        long start = System.nanoTime();
        ConcurrentLinkedQueue<Integer> failed = new ConcurrentLinkedQueue<>();
        paced(calls, i -> i * 1_000_000_000L / o.warmupRate(),
                (senders, call) -> senders.submit(() -> post(webhooks, o, call, WARM_UP, failed)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (distinctRecipients(twilio, WARM_UP) < calls - failed.size() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        System.out.printf("warm-up: %d missed calls at %d/s from other numbers, not counted (%.0f s with its texts)%n",
                calls, o.warmupRate(), (System.nanoTime() - start) / 1e9);
        return calls;
    }

    /**
     * Fires calls 0 … {@code calls - 1}, each at its offset from now, then waits until every one was answered.
     */
    static void paced(int calls, java.util.function.IntToLongFunction offsetNanos,
            java.util.function.ObjIntConsumer<ExecutorService> fire) {
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                long due = start + offsetNanos.applyAsLong(i);
                // Sleep, not spin: a spinning loop would hold one of this machine's two cores for the whole run.
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                fire.accept(senders, i);
            }
        }
    }

    /** Measured calls and warm-up calls come from different numbers and CallSids. */
    static final String MEASURED = "+1737", WARM_UP = "+1738";

    /** Posts one call's dial-status webhook; its answer time in µs, or 0 when it got no answer. */
    static long post(LeanWebhookPoster webhooks, Options o, int call, String callers,
            ConcurrentLinkedQueue<Integer> failed) {
        String line = lineNumber(call % o.tenants());
        String callSid = "CA%032x".formatted(Long.parseLong(callers.substring(1)) * 10_000_000L + call); // Twilio's shape
        Map<String, String> form = Map.of("CallSid", callSid, "AccountSid", ACCOUNT,
                "From", callerNumber(callers, call), "To", line, "CallStatus", "in-progress", "DialCallStatus", "no-answer",
                "DialCallDuration", "0", "DialBridged", "false", "Direction", "inbound", "ApiVersion", "2010-04-01");
        long t0 = System.nanoTime();
        try {
            int status = webhooks.postSigned("/twilio/voice/dial-status", form);
            if (status != 200) {
                failed.add(call);
                return 0;
            }
            return Math.max(1, (System.nanoTime() - t0) / 1000);
        } catch (RuntimeException connectionRefused) {
            failed.add(call);
            return 0;
        }
    }

    /**
     * Per second of the run: calls fired, the worst webhook answer and the worst call-to-send, so a p99 can be
     * traced to the moment it happened (a pause in the app, the database or this harness).
     */
    private static void writeTimeline(Path file, int rate, long[] firedAt, long[] answeredMicros, long[] firstSendNanos)
            throws IOException {
        StringBuilder csv = new StringBuilder("second,calls,webhook_max_ms,call_to_send_max_ms\n");
        for (int from = 0; from < firedAt.length; from += rate) {
            long webhookMax = 0, sendMax = 0;
            int to = Math.min(firedAt.length, from + rate);
            for (int call = from; call < to; call++) {
                webhookMax = Math.max(webhookMax, answeredMicros[call]);
                if (firstSendNanos[call] > 0) {
                    sendMax = Math.max(sendMax, firstSendNanos[call] - firedAt[call]);
                }
            }
            csv.append("%d,%d,%.1f,%d%n".formatted(from / rate, to - from, webhookMax / 1000.0, sendMax / 1_000_000));
        }
        Files.writeString(file, csv);
    }

    private static void restart(AppProcess[] app, Options o, Map<String, String> env, Path work) {
        try {
            System.out.println("harness: kill -9 the app at second " + o.killAtSecond() + ", then restart it");
            app[0].kill();
            app[0] = AppProcess.start(o, env, work.resolve("app-restarted.log"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long distinctRecipients(LeanTwilio twilio, String callers) {
        return twilio.sent().stream().map(LeanTwilio.Sent::to).filter(to -> to.startsWith(callers)).distinct().count();
    }

    record Result(int calls, List<Long> answerMicros, int retried, List<Long> callToSendMillis, long[] firstSendNanos,
            long texts, long duplicates, long losses) {

        static Result of(int calls, long[] firedAt, long[] answeredMicros, int retried, List<LeanTwilio.Sent> sent) {
            Map<String, List<LeanTwilio.Sent>> byCaller = sent.stream().filter(s -> s.to().startsWith(MEASURED))
                    .collect(Collectors.groupingBy(LeanTwilio.Sent::to));
            List<Long> callToSend = new ArrayList<>();
            long[] firstSend = new long[calls];
            long losses = 0;
            for (int call = 0; call < calls; call++) {
                List<LeanTwilio.Sent> texts = byCaller.get(callerNumber(MEASURED, call));
                if (texts == null) {
                    losses++;
                } else {
                    long first = texts.stream().mapToLong(LeanTwilio.Sent::receivedNanos).min().orElseThrow();
                    firstSend[call] = first;
                    callToSend.add((first - firedAt[call]) / 1_000_000);
                }
            }
            long duplicates = byCaller.values().stream().mapToLong(t -> t.size() - 1).sum();
            long texts = byCaller.values().stream().mapToLong(List::size).sum();
            List<Long> answerMicros = Arrays.stream(answeredMicros).filter(m -> m > 0).boxed().toList();
            return new Result(calls, answerMicros, retried, callToSend, firstSend, texts, duplicates, losses);
        }

        void print(Options o) {
            System.out.printf("%nText-back load: %d missed calls at %d/s for %d s over %d tenants%s%n", calls, o.rate(),
                    o.seconds(), o.tenants(), o.killAtSecond() >= 0 ? ", app killed with SIGKILL at " + o.killAtSecond() + " s" : "");
            System.out.printf("webhook answer      p50 %6.1f ms  p99 %6.1f ms  max %7.1f ms  (%d answered at once, %d retried"
                    + " after getting no answer)%n", pct(answerMicros, 50) / 1000.0, pct(answerMicros, 99) / 1000.0,
                    pct(answerMicros, 100) / 1000.0, answerMicros.size(), retried);
            System.out.printf("call to send request p50 %6d ms  p99 %6d ms  max %7d ms%n", pct(callToSendMillis, 50),
                    pct(callToSendMillis, 99), pct(callToSendMillis, 100));
            System.out.printf("texts sent %d, duplicates %d, losses %d%n", texts, duplicates, losses);
        }

        static long pct(List<Long> values, int p) {
            if (values.isEmpty()) {
                return 0;
            }
            List<Long> sorted = values.stream().sorted().toList();
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
        }
    }

    static String lineNumber(int tenant) {
        return "+1512555%04d".formatted(2000 + tenant);
    }

    static String callerNumber(String callers, int call) {
        return callers + "%07d".formatted(2_000_000 + call);
    }

    static Path writeProvisioning(Path work, int tenants) throws IOException {
        StringBuilder yaml = new StringBuilder("tenants:\n");
        for (int t = 0; t < tenants; t++) {
            yaml.append("""
                      - id: bench-%d
                        name: Bench Contractor %d
                        timezone: America/Chicago
                        sends_per_minute: 60000
                        lines:
                          - number: "%s"
                            pattern: dial
                            ring: ["+15125559%03d"]
                    """.formatted(t, t, lineNumber(t), t));
        }
        return Files.writeString(work.resolve("bench-tenants.yml"), yaml);
    }

    /**
     * A cold app falls behind during the warm-up, and the text-back rows whose fast-lane run it skipped are run
     * by the scheduler at their backstop, after the texts went: the measured calls must not share the app with
     * that tail of the warm-up, so the harness waits until no text-back or send task is left (at most 120 s).
     */
    static void awaitNoTextWork(Options o, String schema) throws Exception {
        long start = System.nanoTime();
        long left;
        try (var c = DriverManager.getConnection(o.dbUrl() + schema, o.dbUser(), o.dbPassword());
                var count = c.prepareStatement(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name IN ('text-back', 'send-text')")) {
            while (true) {
                try (var rs = count.executeQuery()) {
                    rs.next();
                    left = rs.getLong(1);
                }
                if (left == 0 || System.nanoTime() - start > TimeUnit.SECONDS.toNanos(120)) {
                    break;
                }
                Thread.sleep(500);
            }
        }
        System.out.printf("warm-up's text-back and send tasks: %d left after waiting %.1f s%n", left,
                (System.nanoTime() - start) / 1e9);
    }

    static void sql(Options o, String statement) throws Exception {
        try (var c = DriverManager.getConnection(o.dbUrl(), o.dbUser(), o.dbPassword()); var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The app as its own process, so SIGKILL is real. */
    static final class AppProcess {
        private final Process process;
        private final int port;
        private final int managementPort;

        private AppProcess(Process process, int port, int managementPort) {
            this.process = process;
            this.port = port;
            this.managementPort = managementPort;
        }

        /**
         * Started as the container starts it: with the JVM options of {@code deploy/jvm.options}, and with
         * {@code --aot-cache} as the image starts it, from the extracted jar with the JDK's AOT cache
         * ({@link AotCache}). Prints how long it took to answer.
         */
        static AppProcess start(Options o, Map<String, String> env, Path log) throws Exception {
            return start(o, env, log, null);
        }

        /** With {@code cpus} (a taskset CPU list), the node runs on those CPUs only, as on a host of its own. */
        static AppProcess start(Options o, Map<String, String> env, Path log, String cpus) throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>();
            if (cpus != null) {
                command.addAll(List.of("taskset", "-c", cpus));
            }
            command.addAll(List.of(java.toString(), "@" + o.jvmOptions().toAbsolutePath()));
            Path jar = o.jar().toAbsolutePath();
            if (o.aotCache() != null) {
                jar = AotCache.prepare(o, env);
                command.add("-XX:AOTCache=" + o.aotCache().toAbsolutePath());
            }
            command.addAll(List.of("-jar", jar.toString()));
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            long started = System.nanoTime();
            AppProcess app = new AppProcess(builder.start(), Integer.parseInt(env.get("PORT")),
                    Integer.parseInt(env.get("MANAGEMENT_PORT")));
            app.awaitUp();
            System.out.printf("app answering /login %.1f s and ready (readiness UP, after its own warm-up) %.1f s after"
                    + " its start%s%s (load average %s)%n", app.answeringAfterSeconds(started),
                    (System.nanoTime() - started) / 1e9, o.aotCache() != null ? ", with the AOT cache" : "",
                    cpus != null ? ", on CPU " + cpus : "", AotCache.loadAverage());
            return app;
        }

        /**
         * Waits, as Kubernetes does, until the readiness group reports UP on the management port (the node warms
         * its webhook path up before that); {@link #answeringAfterSeconds} says when /login first answered.
         */
        void awaitUp() throws InterruptedException {
            var http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            // A node starting beside another on a busy machine took 150 s: give it more before giving up.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(420);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app exited with " + process.exitValue() + "; see target/load-harness/app*.log");
                }
                if (answeringAt == 0 && status(http, "http://localhost:" + port + "/login") == 200) {
                    answeringAt = System.nanoTime();
                }
                if (status(http, "http://localhost:" + managementPort + "/actuator/health/readiness") == 200) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the app did not come up; see target/load-harness/app*.log");
        }

        private volatile long answeringAt;

        double answeringAfterSeconds(long started) {
            return answeringAt == 0 ? Double.NaN : (answeringAt - started) / 1e9;
        }

        private static int status(java.net.http.HttpClient http, String url) throws InterruptedException {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                return 0; // starting
            }
        }

        /** SIGTERM, as Kubernetes stops a pod: the app drains and exits by itself. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful drain
            process.waitFor();
        }
    }

    private TextBackLoadHarness() {
    }
}
