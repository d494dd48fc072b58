package io.redial.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The packaged app in its own process, as an operator runs it; stopped with SIGTERM like a service manager. */
final class RunningApp implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private RunningApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static RunningApp start(Path jar, Path dataDir, int port, String authToken) throws IOException, InterruptedException {
        return start(jar, dataDir, port, authToken, java.util.Map.of());
    }

    /** With {@code environment} added to (or overriding) what an operator's first run sets. */
    static RunningApp start(Path jar, Path dataDir, int port, String authToken, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The build tree may itself lie under /tmp, where the embedded MariaDB refuses to keep data:
        // give the app a temporary directory of its own, as an operator could.
        Path tmp = Files.createDirectories(dataDir.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
                "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()));
        var env = builder.environment();
        env.remove("SPRING_DATASOURCE_URL");
        env.remove("TWILIO_ACCOUNT_SID");
        env.put("REDIAL_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("PORT", String.valueOf(port));
        env.put("REDIAL_PUBLIC_BASE_URL", "http://localhost:" + port);
        env.put("TWILIO_AUTH_TOKEN", authToken);
        env.putAll(environment);
        RunningApp app = new RunningApp(builder.start(), port, dataDir.resolve("app.log"));
        try {
            app.awaitUp(Duration.ofSeconds(300), dataDir); // two nodes starting together on a busy machine took 180 s
        } catch (IllegalStateException notUp) {
            app.process.destroyForcibly().waitFor();
            throw new IllegalStateException(notUp.getMessage() + "; its last lines:\n" + app.logTail(60), notUp);
        }
        return app;
    }

    /** The last {@code lines} lines the app printed, for a failing test's report. */
    String logTail(int lines) {
        try {
            var all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Waits until the node reports ready on its management port, as a load balancer does before it sends
     * traffic (after the start-up warm-up).
     */
    void awaitReady(int managementPort, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI readiness = URI.create("http://localhost:" + managementPort + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the node was not ready within " + timeout + "; its last lines:\n" + logTail(60));
    }

    /** Everything the app has printed so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hooks, no graceful drain, as when a node's machine dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String url() {
        return "http://localhost:" + port;
    }

    private void awaitUp(Duration timeout, Path dataDir) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + dataDir.resolve("app.log"));
            }
            try {
                // The login page: the one console page a stranger may open.
                var response = http.send(HttpRequest.newBuilder(URI.create(url() + "/login")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app did not answer within " + timeout + "; see " + dataDir.resolve("app.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
